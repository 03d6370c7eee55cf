import { z } from "zod";
import { publicRoute } from "@/lib/api/api-route";
import { assertDemoEnabled } from "@/lib/demo/assert-demo-enabled";
import { getDemoModelMetadata } from "@/lib/demo/get-demo-model-metadata";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.string(), version: z.string() });

export const GET = publicRoute({ schemas: { params } }, async ({ params }) => {
  assertDemoEnabled();
  return { name: getDemoModelMetadata(params.name, params.version).name, ready: true };
});
