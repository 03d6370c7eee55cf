import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { listModelResults, listModelResultsQuerySchema } from "@/lib/replay/list-model-results";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("modelId"), query: listModelResultsQuerySchema } }, async ({ params, query }) =>
  listModelResults(params.modelId, query),
);
