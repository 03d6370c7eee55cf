import { describe, expect, it } from "vitest";
import { PredictionsFileError, detectPredictionsFormat, parsePredictionsFile } from "./parse-predictions-file";

describe("predictions files", () => {
  it("parses CSV keyed by revision or pattern, JSON-parsing cells that look like JSON", () => {
    const csv = [
      "patternRevisionId,patternId,output",
      "rev1,,positive",
      ',pat2,"[""a"",""b""]"',
      "rev3,,42",
      'rev4,,"{""score"": 0.5}"',
      "rev5,,not {json",
      'rev6,,"""quoted"""',
      "",
    ].join("\n");
    const index = parsePredictionsFile(csv);
    expect(index.rows).toBe(6);
    expect(index.byRevision.get("rev1")).toBe("positive");
    expect(index.byPattern.get("pat2")).toEqual(["a", "b"]);
    expect(index.byRevision.get("rev3")).toBe(42);
    expect(index.byRevision.get("rev4")).toEqual({ score: 0.5 });
    expect(index.byRevision.get("rev5")).toBe("not {json");
    expect(index.byRevision.get("rev6")).toBe("quoted");
  });

  it("parses JSONL with snake_case keys and any JSON output", () => {
    const jsonl = '{"pattern_id":"p1","output":{"a":[1]}}\n\n{"patternRevisionId":"r1","output":"42"}\r\n';
    expect(detectPredictionsFormat(jsonl)).toBe("jsonl");
    const index = parsePredictionsFile(jsonl);
    expect(index.byPattern.get("p1")).toEqual({ a: [1] });
    expect(index.byRevision.get("r1")).toBe("42");
  });

  it("lists every bad line", () => {
    const jsonl = '{"patternId":"p1","output":1}\nnot json\n[1]\n{"output":2}\n{"patternId":"p1","output":3}\n{"patternId":"p9"}';
    try {
      parsePredictionsFile(jsonl);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PredictionsFileError);
      expect((error as PredictionsFileError).problems).toEqual([
        { line: 2, message: "not valid JSON" },
        { line: 3, message: "not a JSON object" },
        { line: 4, message: "needs patternRevisionId or patternId" },
        { line: 5, message: "second prediction for pattern p1" },
        { line: 6, message: 'has no "output"' },
      ]);
    }
  });

  it("refuses a CSV without an output column, and an empty file", () => {
    expect(() => parsePredictionsFile("patternId,label\np1,x\n")).toThrow(/no "output" column/);
    expect(() => parsePredictionsFile("patternId,output\n")).toThrow(/no predictions/);
  });
});

describe("predictions file line numbers and messages", () => {
  it("counts blank lines and quoted line breaks when naming a bad CSV line", () => {
    const csv = ['patternId,output', 'p1,positive', '', 'p2,"two', 'lines"', '', '', ',orphan', 'p1,again'].join("\n");
    try {
      parsePredictionsFile(csv);
      expect.unreachable();
    } catch (error) {
      expect((error as PredictionsFileError).problems).toEqual([
        { line: 8, message: "needs patternRevisionId or patternId" },
        { line: 9, message: "second prediction for pattern p1" },
      ]);
    }
  });

  it("reports a file without commas by its missing output column, without Papa's delimiter noise", () => {
    try {
      parsePredictionsFile("patternId\np1\n");
      expect.unreachable();
    } catch (error) {
      expect((error as PredictionsFileError).message).not.toMatch(/delimiting/);
      expect((error as PredictionsFileError).problems).toEqual([{ line: 1, message: 'the header has no "output" column' }, { line: 2, message: 'has no "output"' }]);
    }
  });

  it("keeps each accepted row's line and key", () => {
    const index = parsePredictionsFile("patternRevisionId,patternId,output\n\nr1,,a\n,p2,b\n");
    expect(index.entries).toEqual([
      { line: 3, key: "patternRevisionId", id: "r1", output: "a" },
      { line: 4, key: "patternId", id: "p2", output: "b" },
    ]);
  });
});
