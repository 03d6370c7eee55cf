import { describe, expect, it } from "vitest";
import { parsePatternsJsonl } from "./parse-patterns-jsonl";
import { TooManyRowsError } from "./too-many-rows-error";

describe("parsePatternsJsonl", () => {
  it("reads one object per line, skipping blank lines but keeping line numbers", async () => {
    const text = ['{"problem":"SENT-1","name":"a","input":{"text":"x"},"expectation":{"kind":"human"}}', "", '{"problem":"SENT-2","name":"b","input":"y","inputKind":"text","expectation":{"kind":"human"}}', ""].join("\r\n");
    const rows = await parsePatternsJsonl(text, 100);
    expect(rows.map((r) => [r.row, r.record?.name, r.errors])).toEqual([
      [1, "a", []],
      [3, "b", []],
    ]);
  });

  it("names lines that are not JSON objects or have unknown fields", async () => {
    const rows = await parsePatternsJsonl(['{"problem":"SENT-1",', "[1,2]", '{"problem":"SENT-1","expection":{}}'].join("\n"), 100);
    expect(rows[0]).toMatchObject({ row: 1, record: null, errors: [{ path: "row 1", message: expect.stringContaining("not valid JSON") }] });
    expect(rows[1]).toMatchObject({ row: 2, record: null, errors: [{ path: "row 2", message: expect.stringContaining("JSON object") }] });
    expect(rows[2]).toMatchObject({ row: 3, record: null, errors: [{ path: "row 3: expection", message: expect.stringContaining("unknown field") }] });
  });

  it("refuses an empty file", async () => {
    await expect(parsePatternsJsonl("\n\n", 100)).rejects.toThrow(/no patterns/);
  });

  it("refuses more than maxRows lines, not counting blank ones", async () => {
    const line = '{"problem":"SENT-1","name":"a","input":{},"expectation":{"kind":"human"}}';
    expect(await parsePatternsJsonl([line, "", line].join("\n"), 2)).toHaveLength(2);
    await expect(parsePatternsJsonl([line, line, line].join("\n"), 2)).rejects.toBeInstanceOf(TooManyRowsError);
  });
});
