import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getProblem } from "@/lib/problems/get-problem";
import { problemResourceSchema, updateProblemSchema } from "@/lib/problems/problem.schema";
import { updateProblem } from "@/lib/problems/update-problem";

export const dynamic = "force-dynamic";

const params = idParams("problemId");

export const GET = apiRoute(
  { permission: "problems.read", schemas: { params }, summary: "Get a problem", response: { schema: problemResourceSchema } },
  async ({ params }) => getProblem(params.problemId),
);

export const PATCH = apiRoute(
  {
    permission: "problems.write",
    schemas: { params, body: updateProblemSchema },
    summary: "Edit a problem; a stale lockVersion gets 409 with `error.current`",
    response: { schema: problemResourceSchema },
  },
  async ({ params, body }, actor) => updateProblem(actor, params.problemId, body),
);
