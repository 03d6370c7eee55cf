import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { createProblem } from "@/lib/problems/create-problem";
import { createProblemSchema, problemListItemSchema, problemResourceSchema } from "@/lib/problems/problem.schema";
import { problemListQuerySchema } from "@/lib/problems/problem-list-query";
import { searchProblems } from "@/lib/problems/search-problems";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";

export const dynamic = "force-dynamic";

const params = idParams("projectId");

export const GET = apiRoute(
  {
    permission: "problems.read",
    schemas: { params, query: problemListQuerySchema },
    summary: "List a project's problems: search, filter, sort; each with its pattern counts and coverage hints",
    response: { schema: z.object({ items: z.array(problemListItemSchema), nextCursor: z.string().nullable() }) },
  },
  async ({ params, query }) => {
    await assertProjectExists(params.projectId);
    return searchProblems(params.projectId, query);
  },
);

export const POST = apiRoute(
  {
    permission: "problems.write",
    schemas: { params, body: createProblemSchema },
    summary: "Log a problem; its key (e.g. SENT-6) is the project's next number",
    response: { status: 201, schema: problemResourceSchema },
  },
  async ({ params, body }, actor) => jsonResponse(await createProblem(actor, params.projectId, body), 201),
);
