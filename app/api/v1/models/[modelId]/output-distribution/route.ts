import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getOutputDistribution } from "@/lib/models/get-output-distribution";
import { outputDistributionSchema } from "@/lib/models/output-distribution.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "models.read",
    schemas: { params: idParams("modelId") },
    summary: "Distribution of a model version's outputs over the current pattern set: a bucket per label, a number histogram, or the commonest text outputs",
    response: { schema: outputDistributionSchema },
  },
  async ({ params }) => getOutputDistribution(params.modelId),
);
