import type { PatternPurpose, Verdict } from "@/lib/db/generated/enums";

/** What a matrix cell shows: the result's verdict, a `human` output awaiting its grade, or no result at all. */
export type MatrixCellStatus = "pass" | "fail" | "error" | "ungraded" | "none";

/** One row of the matrix reader's query: a current pattern revision and (at most) one result of it. */
export type PatternResultRow = {
  patternId: string;
  patternName: string;
  purpose: PatternPurpose;
  revisionId: string;
  revisionNumber: number;
  /** null when the revision has no result on any model version. */
  modelVersionId: string | null;
  resultId: string | null;
  verdict: Verdict | null;
  errorReason: string | null;
  /** The output as text, cut short for a tooltip. */
  output: string | null;
  /** Distinct verdicts the replay runs of this model version gave this revision (one per run kept in replay_run_items). */
  runVerdicts: Verdict[] | null;
};

export type MatrixCell = {
  status: MatrixCellStatus;
  resultId: string | null;
  output: string | null;
  errorReason: string | null;
  /** Two replays of this same model version disagreed (pass in one, fail in another). */
  unstable: boolean;
};

export type MatrixPatternRow = {
  pattern: { id: string; name: string; purpose: PatternPurpose; revisionId: string; revisionNumber: number };
  /** Some model version gave this pattern different verdicts on different replays: a non-deterministic model. */
  unstable: boolean;
  /** One cell per model version, in the order given. */
  cells: MatrixCell[];
};

export type PatternVersionMatrix<V extends { id: string }> = { modelVersions: V[]; rows: MatrixPatternRow[] };

const NO_RESULT: MatrixCell = { status: "none", resultId: null, output: null, errorReason: null, unstable: false };

/**
 * A verdict flipped between replays of one model version. Only pass/fail count:
 * an `error` is the call failing (timeout, 5xx), not the model answering differently.
 */
export function isUnstable(runVerdicts: readonly Verdict[] | null | undefined): boolean {
  return !!runVerdicts && runVerdicts.includes("pass") && runVerdicts.includes("fail");
}

export function cellStatus(resultId: string | null, verdict: Verdict | null): MatrixCellStatus {
  if (!resultId) return "none";
  return verdict ?? "ungraded";
}

/**
 * Lays the reader's rows out as patterns × model versions: one row per pattern in
 * the order the rows first name it, one cell per model version in the order given
 * (registration order), "no result" where nothing was replayed.
 */
export function layoutPatternVersionMatrix<V extends { id: string }>(
  rows: readonly PatternResultRow[],
  modelVersions: V[],
): PatternVersionMatrix<V> {
  const columnOf = new Map(modelVersions.map((v, i) => [v.id, i]));
  const byPattern = new Map<string, MatrixPatternRow>();
  for (const row of rows) {
    let patternRow = byPattern.get(row.patternId);
    if (!patternRow) {
      patternRow = {
        pattern: { id: row.patternId, name: row.patternName, purpose: row.purpose, revisionId: row.revisionId, revisionNumber: row.revisionNumber },
        unstable: false,
        cells: modelVersions.map(() => NO_RESULT),
      };
      byPattern.set(row.patternId, patternRow);
    }
    const column = row.modelVersionId === null ? undefined : columnOf.get(row.modelVersionId);
    if (column === undefined || !row.resultId) continue;
    const unstable = isUnstable(row.runVerdicts);
    patternRow.cells[column] = {
      status: cellStatus(row.resultId, row.verdict),
      resultId: row.resultId,
      output: row.output,
      errorReason: row.errorReason,
      unstable,
    };
    if (unstable) patternRow.unstable = true;
  }
  return { modelVersions, rows: [...byPattern.values()] };
}
