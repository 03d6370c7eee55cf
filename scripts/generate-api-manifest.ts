// Writes app/api/v1/openapi.json/api-manifest.generated.ts from the route files on disk.
// Run after adding or removing an /api/v1 route: npm run api:manifest
import { writeFileSync } from "node:fs";
import path from "node:path";
import { MANIFEST_PATH, renderApiManifest, scanApiRoutes } from "../lib/api/openapi/render-api-manifest";

const root = process.cwd();
const routes = scanApiRoutes(root);
writeFileSync(path.join(root, MANIFEST_PATH), renderApiManifest(routes));
console.log(`${MANIFEST_PATH}: ${routes.reduce((n, r) => n + r.methods.length, 0)} operations in ${routes.length} route files`);
