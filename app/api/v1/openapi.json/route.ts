import { apiRoute } from "@/lib/api/api-route";
import { getOpenApiDocument, OPENAPI_DOCUMENT_ROUTE } from "./openapi-document";

export const dynamic = "force-dynamic";

export const GET = apiRoute(OPENAPI_DOCUMENT_ROUTE, async () => getOpenApiDocument());
