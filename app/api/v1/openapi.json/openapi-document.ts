import "server-only";
import { z } from "zod";
import type { ApiRouteDefinition } from "@/lib/api/api-route";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { apiManifest } from "./api-manifest.generated";

// Lives with the routes because it must know every one of them (lib/ never imports app/).

/** This route's own definition: the manifest cannot list it, since the route imports the manifest. */
export const OPENAPI_DOCUMENT_ROUTE = {
  permission: "api.read",
  summary: "This document: OpenAPI 3.1, generated from the schemas the server validates with",
  response: { schema: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.json()) }) },
} satisfies ApiRouteDefinition<object>;

let cached: OpenApiDocument | undefined;

/** The API's OpenAPI document, built once per process from the generated manifest (the routes cannot change at run time). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument([
    ...apiManifest(),
    { path: "/api/v1/openapi.json", method: "GET", handler: { definition: OPENAPI_DOCUMENT_ROUTE } },
  ]);
  return cached;
}
