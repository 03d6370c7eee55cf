import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { listErrorRateResources, listErrorRateResourcesQuerySchema } from "@/lib/results/list-error-rate-resources";

export const dynamic = "force-dynamic";

/** Per problem × model version: passed, failed, errored, errorRate and its 95% Wilson interval (low, high); paginated. */
export const GET = apiRoute(
  { permission: "projects.read", schemas: { params: idParams("projectId"), query: listErrorRateResourcesQuerySchema } },
  async ({ params, query }) => listErrorRateResources(params.projectId, query),
);
