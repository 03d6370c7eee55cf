import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";

/** POST /models/{modelId}/test-connection: the pattern to send (default: the project's first current pattern). */
export const testModelConnectionSchema = z.object({ patternId: idSchema.optional() }).strict().default({});
export type TestModelConnection = z.output<typeof testModelConnectionSchema>;
