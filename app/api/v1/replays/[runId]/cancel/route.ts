import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { cancelReplay } from "@/lib/replay/cancel-replay";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "replays.write", schemas: { params: idParams("runId") } }, async ({ params }, actor) => cancelReplay(actor, params.runId));
