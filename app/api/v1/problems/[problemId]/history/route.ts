import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { listProblemHistory } from "@/lib/problems/list-problem-history";
import { problemHistoryEntrySchema } from "@/lib/problems/problem.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "problems.read",
    schemas: { params: idParams("problemId"), query: paginationQuerySchema },
    summary: "Who changed which field of a problem (status, target, …) and when, newest first",
    response: { schema: z.object({ items: z.array(problemHistoryEntrySchema), nextCursor: z.string().nullable() }) },
  },
  async ({ params, query }) => listProblemHistory(params.problemId, query),
);
