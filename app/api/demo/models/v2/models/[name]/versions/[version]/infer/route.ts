import { z } from "zod";
import { publicRoute } from "@/lib/api/api-route";
import { assertDemoEnabled } from "@/lib/demo/assert-demo-enabled";
import { inferDemoModel } from "@/lib/demo/infer-demo-model";
import { inferDemoModelRequestSchema } from "@/lib/demo/infer-demo-model.schema";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.string(), version: z.string() });

// Open Inference Protocol inference for the demo sentiment model (public: it is a stand-in model server).
export const POST = publicRoute({ schemas: { params, body: inferDemoModelRequestSchema } }, async ({ params, body }) => {
  assertDemoEnabled();
  return inferDemoModel(params.name, params.version, body);
});
