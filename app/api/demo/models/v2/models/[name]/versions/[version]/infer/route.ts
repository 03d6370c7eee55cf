import { z } from "zod";
import { setTimeout as sleep } from "node:timers/promises";
import { publicRoute } from "@/lib/api/api-route";
import { withBoundedBody } from "@/lib/http/read-bounded-body";
import { env } from "@/lib/env";
import { assertDemoEnabled } from "@/lib/demo/assert-demo-enabled";
import { inferDemoModel } from "@/lib/demo/infer-demo-model";
import { inferDemoModelRequestSchema } from "@/lib/demo/infer-demo-model.schema";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.string(), version: z.string() });

// Public like any model server, so its body is read bounded (the API's default 1 MB), chunked or not.
const MAX_BODY_BYTES = 1_000_000;

// Open Inference Protocol inference for the demo sentiment model (public: it is a stand-in model server).
export const POST = withBoundedBody(
  MAX_BODY_BYTES,
  publicRoute({ schemas: { params, body: inferDemoModelRequestSchema }, maxBodyBytes: MAX_BODY_BYTES }, async ({ params, body }) => {
    assertDemoEnabled();
    const latencyMs = env().RATCHET_DEMO_LATENCY_MS;
    if (latencyMs > 0) await sleep(latencyMs);
    return inferDemoModel(params.name, params.version, body);
  }),
);
