import { apiManifest } from "./api-manifest.generated";
import { buildOpenApiDocument, type OpenApiDocument } from "./build-openapi-document";

let cached: OpenApiDocument | undefined;

/** The API's OpenAPI document, built once per process from the generated manifest (the routes cannot change at run time). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(apiManifest());
  return cached;
}
