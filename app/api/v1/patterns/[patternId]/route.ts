import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { patternResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { archivePattern } from "@/lib/patterns/archive-pattern";
import { getPattern } from "@/lib/patterns/get-pattern";
import { updatePattern } from "@/lib/patterns/update-pattern";
import { updatePatternSchema } from "@/lib/patterns/update-pattern.schema";

export const dynamic = "force-dynamic";

const params = idParams("patternId");

export const GET = apiRoute({ permission: "patterns.read", schemas: { params }, summary: "A pattern with its current revision", response: { schema: patternResponseSchema } }, async ({ params }) =>
  getPattern(params.patternId),
);

/** Stale lockVersion → 409 with `error.current`; a changed input or expectation makes a new revision (`newRevision: true`). */
export const PATCH = apiRoute(
  { permission: "patterns.write", schemas: { params, body: updatePatternSchema }, summary: "Edit a pattern (optimistic lockVersion)", response: { schema: patternResponseSchema } },
  async ({ params, body }, actor) => updatePattern(actor, params.patternId, body),
);

/** Archives, never deletes: revisions and results stay for history. */
export const DELETE = apiRoute({ permission: "patterns.write", schemas: { params }, summary: "Archive a pattern", response: { schema: z.looseObject({ id: z.string() }) } }, async ({ params }, actor) =>
  archivePattern(actor, params.patternId),
);
