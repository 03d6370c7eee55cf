import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

/** Longest output text a row carries; the result page shows it in full. */
const OUTPUT_PREVIEW_CHARS = 300;

export type PatternResultEntry = {
  resultId: string;
  modelVersion: { id: string; name: string; version: string; status: string };
  revisionNumber: number;
  /** The result is of the pattern's current revision (it counts towards today's rates). */
  current: boolean;
  verdict: "pass" | "fail" | "error" | null;
  errorReason: string | null;
  output: Prisma.JsonValue | null;
  at: Date;
};

/**
 * One pattern's results across model versions, for testers on the pattern page:
 * each version's result of every revision (newest revision first within a
 * version), versions in registration order. Scoped by project; the output is
 * cut to a preview.
 */
export async function listPatternResults(projectId: string, patternId: string): Promise<PatternResultEntry[]> {
  const rows = await prisma().result.findMany({
    where: { projectId, patternId },
    select: {
      id: true,
      verdict: true,
      errorReason: true,
      output: true,
      updatedAt: true,
      modelVersion: { select: { id: true, name: true, version: true, status: true, createdAt: true } },
      patternRevision: { select: { id: true, number: true } },
      pattern: { select: { currentRevisionId: true } },
    },
  });
  return rows
    .sort(
      (a, b) =>
        a.modelVersion.createdAt.getTime() - b.modelVersion.createdAt.getTime() ||
        a.modelVersion.id.localeCompare(b.modelVersion.id) ||
        b.patternRevision.number - a.patternRevision.number,
    )
    .map((row) => ({
      resultId: row.id,
      modelVersion: { id: row.modelVersion.id, name: row.modelVersion.name, version: row.modelVersion.version, status: row.modelVersion.status },
      revisionNumber: row.patternRevision.number,
      current: row.patternRevision.id === row.pattern.currentRevisionId,
      verdict: row.verdict,
      errorReason: row.errorReason,
      output: previewOutput(row.output),
      at: row.updatedAt,
    }));
}

function previewOutput(output: Prisma.JsonValue | null): Prisma.JsonValue | null {
  if (typeof output === "string") return output.length > OUTPUT_PREVIEW_CHARS ? `${output.slice(0, OUTPUT_PREVIEW_CHARS)}…` : output;
  if (output === null || typeof output !== "object") return output;
  const text = JSON.stringify(output);
  return text.length > OUTPUT_PREVIEW_CHARS ? `${text.slice(0, OUTPUT_PREVIEW_CHARS)}…` : output;
}
