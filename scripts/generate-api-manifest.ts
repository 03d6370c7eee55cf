// Writes app/api/v1/openapi.json/api-manifest.generated.ts and app/api/v1/api-methods.generated.ts from the route files on disk.
// Run after adding or removing an /api/v1 route: npm run api:manifest
import { writeFileSync } from "node:fs";
import path from "node:path";
import { MANIFEST_PATH, METHODS_TABLE_PATH, OPENAPI_ROUTE_FILE, renderApiManifest, renderApiMethodsTable, scanApiRoutes } from "../lib/api/openapi/render-api-manifest";

const root = process.cwd();
const routes = scanApiRoutes(root);
writeFileSync(path.join(root, MANIFEST_PATH), renderApiManifest(routes));
writeFileSync(path.join(root, METHODS_TABLE_PATH), renderApiMethodsTable(routes));
const listed = routes.filter((r) => r.file !== OPENAPI_ROUTE_FILE);
console.log(`${MANIFEST_PATH}: ${listed.reduce((n, r) => n + r.methods.length, 0)} operations in ${listed.length} route files (and ${OPENAPI_ROUTE_FILE}, which describes itself)`);
