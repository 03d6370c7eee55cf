import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { gateResourceSchema } from "@/lib/gate/gate.schema";
import { getGateResource } from "@/lib/gate/get-gate-resource";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "gate.read",
    schemas: { params: idParams("modelId") },
    summary: "Release gate of a model version: pass, fail or pending, with each problem's checks and the reasons (audited)",
    response: { schema: gateResourceSchema },
  },
  async ({ params }, actor) => getGateResource(params.modelId, actor),
);
