import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { captureResourceSchema } from "@/lib/captures/capture.schema";
import { dismissCapture } from "@/lib/captures/dismiss-capture";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  {
    permission: "captures.triage",
    schemas: { params: idParams("captureId") },
    summary: "Take a capture out of the inbox without making a pattern; already triaged or dismissed → 409",
    response: { schema: captureResourceSchema },
  },
  async ({ params }, actor) => dismissCapture(actor, params.captureId),
);
