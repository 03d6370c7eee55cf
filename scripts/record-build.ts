// Second half of `npm run build`: records which sources `next build` just built
// (scripts/build-if-needed.ts), so the next `npm start` serves that build instead of building again.
import { recordBuildFingerprint } from "./build-if-needed";

await recordBuildFingerprint();
