import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { captureResourceSchema, createCaptureSchema, listCapturesQuerySchema, MAX_CAPTURE_BYTES } from "@/lib/captures/capture.schema";
import { createCapture } from "@/lib/captures/create-capture";
import { listCaptures } from "@/lib/captures/list-captures";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";

export const dynamic = "force-dynamic";

const params = idParams("projectId");

export const GET = apiRoute(
  {
    permission: "patterns.read",
    schemas: { params, query: listCapturesQuerySchema },
    summary: "List the project's captures (the triage inbox by default), newest first",
    response: { schema: z.object({ items: z.array(captureResourceSchema), nextCursor: z.string().nullable() }) },
  },
  async ({ params, query }) => {
    await assertProjectExists(params.projectId);
    return listCaptures(params.projectId, query);
  },
);

/** For production systems: a token with the `capture` scope is enough. Bodies over 1 MB get 413. */
export const POST = apiRoute(
  {
    permission: "captures.create",
    schemas: { params, body: createCaptureSchema },
    maxBodyBytes: MAX_CAPTURE_BYTES,
    summary: "Send a production input (and output) to the project's triage inbox",
    response: { status: 201, schema: captureResourceSchema },
  },
  async ({ params, body }, actor) => jsonResponse(await createCapture(actor, params.projectId, body), 201),
);
