import type { importPatterns as importPatternRows } from "@/lib/import-export/import-patterns";
import type { ImportFormat } from "@/lib/import-export/pattern-record.schema";
import type { Jsonified } from "./api-fetch";
import { apiUpload } from "./api-upload";

const CONTENT_TYPE: Record<ImportFormat, string> = { csv: "text/csv", jsonl: "application/x-ndjson" };

/** All-or-nothing import of a CSV or JSONL file; with `dryRun` only the per-row preview. */
export function importPatterns(projectId: string, file: { format: ImportFormat; body: Blob | string; dryRun: boolean }): Promise<Jsonified<Awaited<ReturnType<typeof importPatternRows>>>> {
  const query = `format=${file.format}${file.dryRun ? "&dryRun=true" : ""}`;
  return apiUpload(`/api/v1/projects/${projectId}/patterns/import?${query}`, file.body, CONTENT_TYPE[file.format]);
}
