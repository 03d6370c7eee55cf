import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { captureResourceSchema, triageCaptureSchema } from "@/lib/captures/capture.schema";
import { triageCapture } from "@/lib/captures/triage-capture";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    permission: "captures.triage",
    schemas: { params: idParams("captureId"), body: triageCaptureSchema },
    summary: "Turn an inbox capture into a pattern of a problem (origin production by default); already triaged → 409",
    response: { status: 201, schema: z.object({ capture: captureResourceSchema, pattern: z.record(z.string(), z.unknown()).describe("The created pattern") }) },
  },
  async ({ params, body }, actor) => jsonResponse(await triageCapture(actor, params.captureId, body), 201),
);
