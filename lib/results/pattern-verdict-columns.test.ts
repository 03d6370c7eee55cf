import { describe, expect, it } from "vitest";
import { patternVerdictColumns } from "./pattern-verdict-columns";
import { layoutPatternVersionMatrix, type PatternResultRow } from "./pattern-version-matrix";

const version = (id: string, status = "candidate") => ({ id, name: "sentiment", version: id, status });
const row = (patternId: string, modelVersionId: string, verdict: "pass" | "fail"): PatternResultRow => ({
  patternId,
  patternName: patternId,
  purpose: "case",
  revisionId: `${patternId}-r1`,
  revisionNumber: 1,
  modelVersionId,
  resultId: `${patternId}-${modelVersionId}`,
  verdict,
  errorReason: null,
  output: "negative",
  runVerdicts: [verdict],
});

describe("patternVerdictColumns", () => {
  const rows = [row("p1", "v1", "fail"), row("p1", "v2", "pass"), row("p1", "v3", "fail"), row("p2", "v2", "pass")];

  it("gives production's and the newest version's verdict per pattern, production first", () => {
    const columns = patternVerdictColumns(layoutPatternVersionMatrix(rows, [version("v1"), version("v2", "production"), version("v3")]));
    expect(columns.map((c) => [c.role, c.modelVersion.id])).toEqual([
      ["production", "v2"],
      ["latest", "v3"],
    ]);
    expect(columns[0]!.cells.get("p1")?.status).toBe("pass");
    expect(columns[1]!.cells.get("p1")?.status).toBe("fail");
    // A pattern the newest version has no result for reads "no result", not a pass.
    expect(columns[1]!.cells.get("p2")?.status).toBe("none");
  });

  it("makes one column when production is the newest version, and none without versions", () => {
    expect(patternVerdictColumns(layoutPatternVersionMatrix(rows, [version("v1"), version("v2", "production")])).map((c) => c.role)).toEqual(["production and latest"]);
    expect(patternVerdictColumns(layoutPatternVersionMatrix(rows, [version("v1"), version("v2")])).map((c) => c.role)).toEqual(["latest"]);
    expect(patternVerdictColumns(layoutPatternVersionMatrix([], []))).toEqual([]);
  });
});
