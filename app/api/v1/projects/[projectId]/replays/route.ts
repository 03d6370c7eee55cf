import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { pageOf, replayRunResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams, idSchema } from "@/lib/http/id-params";
import { listActiveReplays } from "@/lib/replay/list-active-replays";

export const dynamic = "force-dynamic";

const query = z.object({ modelId: idSchema.optional() });

/** Queued and running replay runs of the project (the global "Replaying …" indicator). */
export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("projectId"), query }, summary: "Queued and running replay runs of the project", response: { schema: pageOf(replayRunResponseSchema) } }, async ({ params, query }) => ({
  items: await listActiveReplays(params.projectId, query.modelId),
  nextCursor: null,
}));
