import { describe, expect, it } from "vitest";
import { parsePatternsJsonl } from "./parse-patterns-jsonl";

describe("parsePatternsJsonl", () => {
  it("reads one object per line, skipping blank lines but keeping line numbers", () => {
    const text = ['{"problem":"SENT-1","name":"a","input":{"text":"x"},"expectation":{"kind":"human"}}', "", '{"problem":"SENT-2","name":"b","input":"y","inputKind":"text","expectation":{"kind":"human"}}', ""].join("\r\n");
    const rows = parsePatternsJsonl(text);
    expect(rows.map((r) => [r.row, r.record?.name, r.errors])).toEqual([
      [1, "a", []],
      [3, "b", []],
    ]);
  });

  it("names lines that are not JSON objects or have unknown fields", () => {
    const rows = parsePatternsJsonl(['{"problem":"SENT-1",', "[1,2]", '{"problem":"SENT-1","expection":{}}'].join("\n"));
    expect(rows[0]).toMatchObject({ row: 1, record: null, errors: [{ path: "row 1", message: expect.stringContaining("not valid JSON") }] });
    expect(rows[1]).toMatchObject({ row: 2, record: null, errors: [{ path: "row 2", message: expect.stringContaining("JSON object") }] });
    expect(rows[2]).toMatchObject({ row: 3, record: null, errors: [{ path: "row 3: expection", message: expect.stringContaining("unknown field") }] });
  });

  it("refuses an empty file", () => {
    expect(() => parsePatternsJsonl("\n\n")).toThrow(/no patterns/);
  });
});
