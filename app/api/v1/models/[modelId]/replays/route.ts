import { apiRoute, jsonResponse } from "@/lib/api/api-route";
import { idParams } from "@/lib/api/id-params";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { listModelReplays } from "@/lib/replay/list-model-replays";
import { requestManualReplay, requestManualReplaySchema } from "@/lib/replay/request-manual-replay";

export const dynamic = "force-dynamic";

const params = idParams("modelId");

export const GET = apiRoute({ permission: "models.read", schemas: { params, query: paginationQuerySchema } }, async ({ params, query }) =>
  listModelReplays(params.modelId, query),
);

/** Replays all current patterns, or `{ patternIds }`; 202 with the queued run (poll GET /replays/{id}). */
export const POST = apiRoute({ permission: "replays.write", schemas: { params, body: requestManualReplaySchema } }, async ({ params, body }, actor) =>
  jsonResponse(await requestManualReplay(actor, params.modelId, body), 202),
);
