import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { importResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { readBoundedBody } from "@/lib/http/read-bounded-body";
import { importPatterns, MAX_IMPORT_BYTES } from "@/lib/import-export/import-patterns";
import { IMPORT_FORMATS } from "@/lib/import-export/pattern-record.schema";
import { previewResponse } from "@/lib/import-export/preview-response";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  dryRun: z.enum(["true", "false", "1", "0"]).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
});

/**
 * The file is the raw body: CSV (text/csv) or JSONL (application/x-ndjson), at
 * most 5 MB and 20,000 rows. `?dryRun=true` answers the per-row preview and writes nothing;
 * otherwise all rows are imported (201) or none (422 naming rows and fields).
 */
export const POST = apiRoute(
  {
    permission: "patterns.write",
    schemas: { params: idParams("projectId"), query: querySchema },
    summary: "Import patterns from CSV or JSONL (all-or-nothing; ?dryRun=true previews)",
    maxBodyBytes: MAX_IMPORT_BYTES,
    rawBody: { description: "The CSV or JSONL file as the body (at most 5 MB). Columns and keys: problem, name, purpose, origin, input, inputKind (CSV: input_kind), expectation, notes; the deprecated polarity is accepted for one release", mediaTypes: ["text/csv", "application/x-ndjson"] },
    response: { status: 201, schema: importResponseSchema, others: [{ status: 200, schema: importResponseSchema, description: "The per-row preview (?dryRun=true); nothing written" }] },
    errors: [415],
  },
  async ({ params, query, request }, actor) => {
    const dryRun = query.dryRun === "true" || query.dryRun === "1";
    const bytes = await readBoundedBody(request, MAX_IMPORT_BYTES);
    const result = await importPatterns(actor, params.projectId, { bytes, contentType: request.headers.get("content-type"), format: query.format, dryRun });
    return result.dryRun ? previewResponse(result) : jsonResponse(result, 201);
  },
);
