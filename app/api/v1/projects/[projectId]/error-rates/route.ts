import { apiRoute } from "@/lib/api/api-route";
import { errorRateResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { listErrorRateResources, listErrorRateResourcesQuerySchema } from "@/lib/results/list-error-rate-resources";

export const dynamic = "force-dynamic";

/** Per problem × model version: passed, failed, errored, errorRate and its 95% Wilson interval (low, high); paginated. */
export const GET = apiRoute(
  { permission: "projects.read", schemas: { params: idParams("projectId"), query: listErrorRateResourcesQuerySchema }, summary: "Error rates per problem × model version, with 95% Wilson intervals", response: { schema: pageOf(errorRateResponseSchema) } },
  async ({ params, query }) => listErrorRateResources(params.projectId, query),
);
