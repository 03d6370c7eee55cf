import { apiRoute } from "@/lib/api/api-route";
import { gradeResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { gradeOutput, gradeOutputSchema } from "@/lib/grading/grade-output";

export const dynamic = "force-dynamic";

/** Grades one output of one revision; every result with that output takes the verdict. */
export const POST = apiRoute({ permission: "grades.write", schemas: { body: gradeOutputSchema }, summary: "Grade one output of one revision (a human expectation)", response: { status: 201, schema: gradeResponseSchema }, errors: [404] }, async ({ body }, actor) =>
  jsonResponse(await gradeOutput(actor, body), 201),
);
