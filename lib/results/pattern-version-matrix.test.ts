import { describe, expect, it } from "vitest";
import { cellStatus, isUnstable, layoutPatternVersionMatrix, type PatternResultRow } from "./pattern-version-matrix";

const row = (patternId: string, modelVersionId: string | null, extra: Partial<PatternResultRow> = {}): PatternResultRow => ({
  patternId,
  patternName: `name ${patternId}`,
  purpose: "case",
  revisionId: `rev-${patternId}`,
  revisionNumber: 1,
  modelVersionId,
  resultId: modelVersionId ? `r-${patternId}-${modelVersionId}` : null,
  verdict: "pass",
  errorReason: null,
  output: "positive",
  runVerdicts: null,
  ...extra,
});

const versions = [{ id: "v1" }, { id: "v2" }, { id: "v3" }];

describe("isUnstable", () => {
  it("is true only when one version's replays gave both pass and fail", () => {
    expect(isUnstable(["pass", "fail"])).toBe(true);
    expect(isUnstable(["fail", "error", "pass"])).toBe(true);
    expect(isUnstable(["pass"])).toBe(false);
    expect(isUnstable(["pass", "error"])).toBe(false);
    expect(isUnstable(["fail", "error"])).toBe(false);
    expect(isUnstable([])).toBe(false);
    expect(isUnstable(null)).toBe(false);
  });
});

describe("cellStatus", () => {
  it("maps a missing result to none and a null verdict to awaiting grade", () => {
    expect(cellStatus(null, null)).toBe("none");
    expect(cellStatus("r", null)).toBe("ungraded");
    expect(cellStatus("r", "pass")).toBe("pass");
    expect(cellStatus("r", "fail")).toBe("fail");
    expect(cellStatus("r", "error")).toBe("error");
  });
});

describe("layoutPatternVersionMatrix", () => {
  it("puts each result under its version's column, in the versions' order, and fills the rest with no result", () => {
    const matrix = layoutPatternVersionMatrix(
      [
        row("a", "v3", { verdict: "fail", output: "negative" }),
        row("a", "v1"),
        row("b", null),
        row("c", "v2", { verdict: null }),
        row("c", "v1", { verdict: "error", output: null, errorReason: "timeout" }),
      ],
      versions,
    );
    expect(matrix.rows.map((r) => r.pattern.id)).toEqual(["a", "b", "c"]);
    expect(matrix.rows.map((r) => r.cells.map((c) => c.status))).toEqual([
      ["pass", "none", "fail"],
      ["none", "none", "none"],
      ["error", "ungraded", "none"],
    ]);
    expect(matrix.rows[0]!.cells[2]).toMatchObject({ resultId: "r-a-v3", output: "negative" });
    expect(matrix.rows[2]!.cells[0]).toMatchObject({ errorReason: "timeout", output: null });
  });

  it("ignores results of versions that are not columns", () => {
    const matrix = layoutPatternVersionMatrix([row("a", "gone")], versions);
    expect(matrix.rows[0]!.cells.every((c) => c.status === "none")).toBe(true);
  });

  it("marks the cell and its pattern unstable when replays of one version disagreed", () => {
    const matrix = layoutPatternVersionMatrix(
      [row("a", "v1", { runVerdicts: ["pass"] }), row("a", "v2", { runVerdicts: ["fail", "pass"] }), row("b", "v1", { runVerdicts: ["pass", "error"] })],
      versions,
    );
    expect(matrix.rows[0]!.unstable).toBe(true);
    expect(matrix.rows[0]!.cells.map((c) => c.unstable)).toEqual([false, true, false]);
    expect(matrix.rows[1]!.unstable).toBe(false);
  });
});
