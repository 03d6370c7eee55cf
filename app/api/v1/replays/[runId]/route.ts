import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getReplayRun } from "@/lib/replay/get-replay-run";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("runId") } }, async ({ params }) => getReplayRun(params.runId));
