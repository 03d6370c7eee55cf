import { apiRoute } from "@/lib/api/api-route";
import { pageOf, patternResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { prisma } from "@/lib/db/prisma";
import { createPattern } from "@/lib/patterns/create-pattern";
import { createPatternSchema } from "@/lib/patterns/create-pattern.schema";
import { listPatterns } from "@/lib/patterns/list-patterns";
import { listPatternsQuerySchema } from "@/lib/patterns/list-patterns.schema";

export const dynamic = "force-dynamic";

const params = idParams("problemId");

export const GET = apiRoute(
  { permission: "patterns.read", schemas: { params, query: listPatternsQuerySchema }, summary: "List a problem's patterns (?archived=exclude|include|only)", response: { schema: pageOf(patternResponseSchema) } },
  async ({ params, query }) => listPatterns(params.problemId, query),
);

/** 201 with the pattern (revision 1) and `warnings` (duplicate_input: same input as another pattern of the problem). */
export const POST = apiRoute(
  { permission: "patterns.write", schemas: { params, body: createPatternSchema }, summary: "Add a pattern to a problem", response: { status: 201, schema: patternResponseSchema } },
  async ({ params, body }, actor) => jsonResponse(await prisma().$transaction((tx) => createPattern(tx, actor, params.problemId, body)), 201),
);
