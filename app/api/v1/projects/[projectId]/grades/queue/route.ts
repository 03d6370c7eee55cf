import { apiRoute } from "@/lib/api/api-route";
import { gradingQueueItemResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { listGradingQueue, listGradingQueueQuerySchema } from "@/lib/grading/list-grading-queue";

export const dynamic = "force-dynamic";

/** Outputs of `human` expectations waiting for a grade, one per (revision, output). */
export const GET = apiRoute({ permission: "projects.read", schemas: { params: idParams("projectId"), query: listGradingQueueQuerySchema }, summary: "Ungraded outputs of current revisions (?patternId=: one pattern's every revision)", response: { schema: pageOf(gradingQueueItemResponseSchema) } }, async ({ params, query }) =>
  listGradingQueue(params.projectId, query),
);
