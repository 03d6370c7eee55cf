import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { listGradingQueue, listGradingQueueQuerySchema } from "@/lib/grading/list-grading-queue";

export const dynamic = "force-dynamic";

/** Outputs of `human` expectations waiting for a grade, one per (revision, output). */
export const GET = apiRoute({ permission: "projects.read", schemas: { params: idParams("projectId"), query: listGradingQueueQuerySchema } }, async ({ params, query }) =>
  listGradingQueue(params.projectId, query),
);
