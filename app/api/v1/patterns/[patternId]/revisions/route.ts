import { apiRoute } from "@/lib/api/api-route";
import { pageOf, patternRevisionResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { listPatternRevisions } from "@/lib/patterns/list-pattern-revisions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "patterns.read", schemas: { params: idParams("patternId"), query: paginationQuerySchema }, summary: "A pattern's revisions, newest first", response: { schema: pageOf(patternRevisionResponseSchema) } },
  async ({ params, query }) => listPatternRevisions(params.patternId, query),
);
