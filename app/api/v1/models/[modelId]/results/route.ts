import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/api/id-params";
import { listResultResources, listResultResourcesQuerySchema } from "@/lib/results/list-result-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("modelId"), query: listResultResourcesQuerySchema } }, async ({ params, query }) =>
  listResultResources(params.modelId, query),
);
