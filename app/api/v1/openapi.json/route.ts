import { apiRoute } from "@/lib/api/api-route";
import { getOpenApiDocument } from "@/lib/api/openapi/get-openapi-document";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "api.read", summary: "This document: OpenAPI 3.1, generated from the schemas the server validates with" },
  async () => getOpenApiDocument(),
);
