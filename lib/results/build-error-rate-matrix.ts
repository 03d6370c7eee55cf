import type { ErrorRate } from "./list-error-rates";

type MatrixProblem = { id: string };
type MatrixModelVersion = { id: string };

export type ErrorRateMatrixRow<P extends MatrixProblem> = {
  problem: P;
  /** One entry per model version, in the order given; null where there is no result. */
  cells: (ErrorRate | null)[];
};

export type ErrorRateMatrix<P extends MatrixProblem, V extends MatrixModelVersion> = {
  modelVersions: V[];
  rows: ErrorRateMatrixRow<P>[];
};

/**
 * Lays error rates out as problems × model versions. Every page joins rates to
 * problems and versions through this one function: the dashboard (all × all),
 * a problem page (one row) and a model version page (its column and its baseline's).
 */
export function buildErrorRateMatrix<P extends MatrixProblem, V extends MatrixModelVersion>(
  problems: P[],
  modelVersions: V[],
  errorRates: ErrorRate[],
): ErrorRateMatrix<P, V> {
  const byCell = new Map(errorRates.map((r) => [`${r.problemId}\u0000${r.modelVersionId}`, r]));
  return {
    modelVersions,
    rows: problems.map((problem) => ({
      problem,
      cells: modelVersions.map((v) => byCell.get(`${problem.id}\u0000${v.id}`) ?? null),
    })),
  };
}
