import { describe, expect, it } from "vitest";
import { buildErrorRateMatrix } from "./build-error-rate-matrix";
import type { ErrorRate } from "./list-error-rates";

const rate = (problemId: string, modelVersionId: string, failed: number, passed: number): ErrorRate => ({
  problemId,
  modelVersionId,
  passed,
  failed,
  errored: 0,
  ungraded: 0,
  n: passed + failed,
  errorRate: failed / (passed + failed),
  low: 0,
  high: 1,
});

describe("buildErrorRateMatrix", () => {
  it("places each rate under its problem and model version and leaves gaps as null", () => {
    const problems = [
      { id: "p1", key: "S-1", title: "a", target: 0.1 },
      { id: "p2", key: "S-2", title: "b", target: 0.2 },
    ];
    const versions = [
      { id: "m1", name: "m", version: "1" },
      { id: "m2", name: "m", version: "2" },
    ];
    const matrix = buildErrorRateMatrix(problems, versions, [rate("p2", "m1", 1, 3), rate("p1", "m2", 2, 2)]);
    expect(matrix.rows.map((r) => r.cells.map((c) => c?.errorRate ?? null))).toEqual([
      [null, 0.5],
      [0.25, null],
    ]);
  });
});
