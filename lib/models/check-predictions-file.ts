import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { predictionIsProjectLabel } from "@/lib/connectors/predictions/normalise-prediction";
import { PredictionsFileError, parsePredictionsFile } from "@/lib/connectors/predictions/parse-predictions-file";
import { ValidationError } from "@/lib/errors/domain-errors";

/** A row whose output, once normalised, is not one of the project's labels: it will be judged as given, and fail. */
export type PredictionNotLabel = { line: number; patternId: string | null; patternRevisionId: string | null; output: unknown };
export type PredictionsFileCheck = { rows: number; notLabels: PredictionNotLabel[] };

const MAX_LISTED = 50;

/**
 * Parses a predictions file and checks it against the project, all or nothing:
 * every bad line (422, `body.file.line<N>`), and every pattern or pattern
 * revision id that is not the project's (422, listing them, so a file keyed
 * by the wrong ids is never accepted to end as all `error`). Answers the rows
 * whose output does not map onto a project label.
 */
export async function checkPredictionsFile(
  db: Prisma.TransactionClient,
  project: { id: string; outputKind: "label" | "number" | "text" | "json"; labels: string[] },
  data: Uint8Array,
  format: "csv" | "jsonl" | undefined,
): Promise<PredictionsFileCheck> {
  let index;
  try {
    index = parsePredictionsFile(new TextDecoder().decode(data), format);
  } catch (error) {
    if (!(error instanceof PredictionsFileError)) throw error;
    throw new ValidationError(
      `The predictions file is invalid: ${error.problems.length} bad line${error.problems.length === 1 ? "" : "s"}.`,
      error.problems.slice(0, MAX_LISTED).map((p) => ({ path: `body.file.line${p.line}`, message: p.message })),
    );
  }
  const patternIds = [...index.byPattern.keys()];
  const revisionIds = [...index.byRevision.keys()];
  const [patterns, revisions] = await Promise.all([
    patternIds.length ? db.pattern.findMany({ where: { projectId: project.id, id: { in: patternIds } }, select: { id: true } }) : [],
    revisionIds.length ? db.patternRevision.findMany({ where: { projectId: project.id, id: { in: revisionIds } }, select: { id: true } }) : [],
  ]);
  const known = new Set([...patterns.map((p) => `patternId:${p.id}`), ...revisions.map((r) => `patternRevisionId:${r.id}`)]);
  const unknown = index.entries.filter((entry) => !known.has(`${entry.key}:${entry.id}`));
  if (unknown.length) {
    const ids = unknown.map((entry) => entry.id);
    throw new ValidationError(
      `The predictions file names ${unknown.length} pattern${unknown.length === 1 ? "" : "s"} this project does not have: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}. Nothing was stored.`,
      unknown.slice(0, MAX_LISTED).map((entry) => ({
        path: `body.file.line${entry.line}`,
        message: `unknown ${entry.key === "patternId" ? "pattern" : "pattern revision"} ${entry.id}`,
      })),
    );
  }
  const notLabels = index.entries
    .filter((entry) => !predictionIsProjectLabel(entry.output, project))
    .map((entry) => ({
      line: entry.line,
      patternId: entry.key === "patternId" ? entry.id : null,
      patternRevisionId: entry.key === "patternRevisionId" ? entry.id : null,
      output: entry.output,
    }));
  return { rows: index.rows, notLabels };
}
