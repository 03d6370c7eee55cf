import { apiRoute } from "@/lib/api/api-route";
import { pageOf, resultResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { listResultResources, listResultResourcesQuerySchema } from "@/lib/results/list-result-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("modelId"), query: listResultResourcesQuerySchema }, summary: "The model version's results, per pattern revision", response: { schema: pageOf(resultResponseSchema) } }, async ({ params, query }) =>
  listResultResources(params.modelId, query),
);
