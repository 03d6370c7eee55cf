import { apiRoute } from "@/lib/api/api-route";
import { pageOf, replayRunResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { listModelReplays } from "@/lib/replay/list-model-replays";
import { requestManualReplay, requestManualReplaySchema } from "@/lib/replay/request-manual-replay";

export const dynamic = "force-dynamic";

const params = idParams("modelId");

export const GET = apiRoute({ permission: "models.read", schemas: { params, query: paginationQuerySchema }, summary: "The model version's replay runs, newest first", response: { schema: pageOf(replayRunResponseSchema) } }, async ({ params, query }) =>
  listModelReplays(params.modelId, query),
);

/** Replays all current patterns, or `{ patternIds }`; 202 with the queued run (poll GET /replays/{id}). */
export const POST = apiRoute({ permission: "replays.write", schemas: { params, body: requestManualReplaySchema }, summary: "Replay all current patterns, or { patternIds } (202: poll GET /replays/{id})", response: { status: 202, schema: replayRunResponseSchema } }, async ({ params, body }, actor) =>
  jsonResponse(await requestManualReplay(actor, params.modelId, body), 202),
);
