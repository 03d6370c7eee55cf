import { apiRoute } from "@/lib/api/api-route";
import { replayRunResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { cancelReplay } from "@/lib/replay/cancel-replay";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "replays.write", schemas: { params: idParams("runId") }, summary: "Cancel a queued or running replay run (409 once finished)", response: { schema: replayRunResponseSchema } }, async ({ params }, actor) => cancelReplay(actor, params.runId));
