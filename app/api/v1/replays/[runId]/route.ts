import { apiRoute } from "@/lib/api/api-route";
import { replayRunResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { getReplayRun } from "@/lib/replay/get-replay-run";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("runId") }, summary: "A replay run and its progress", response: { schema: replayRunResponseSchema } }, async ({ params }) => getReplayRun(params.runId));
