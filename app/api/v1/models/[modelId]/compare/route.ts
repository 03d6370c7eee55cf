import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getComparisonResource } from "@/lib/results/get-comparison-resource";
import { comparisonQuerySchema, comparisonResourceSchema } from "@/lib/results/get-comparison-resource.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "models.read",
    schemas: { params: idParams("modelId"), query: comparisonQuerySchema },
    summary: "Compare a model version with a baseline, problem by problem (exact McNemar on the flipped patterns)",
    response: { schema: comparisonResourceSchema },
    errors: [422],
  },
  async ({ params, query }) => getComparisonResource(params.modelId, query.baseline, { flips: query.include === "flips" }),
);
