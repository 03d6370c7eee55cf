import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors/domain-errors";
import { parsePatternsCsv } from "./parse-patterns-csv";
import { TooManyRowsError } from "./too-many-rows-error";

const header = "problem,name,purpose,origin,input,input_kind,expectation,notes";

describe("parsePatternsCsv", () => {
  it("reads JSON and text inputs and a JSON expectation, numbering rows as a spreadsheet does", async () => {
    const csv = [
      header,
      `SENT-1,Zipper,case,production,"{""text"": ""Oh great, it broke""}",json,"{""kind"":""equals"",""value"":""negative""}",seen twice`,
      `SENT-1,Plain,control,contrived,"Not bad, really",text,"{""kind"":""not_equals"",""value"":""negative""}",`,
      "",
    ].join("\n");
    const rows = await parsePatternsCsv(csv, "label", 2000);
    expect(rows).toEqual([
      {
        row: 2,
        errors: [],
        record: {
          problem: "SENT-1",
          name: "Zipper",
          purpose: "case",
          origin: "production",
          inputKind: "json",
          input: { text: "Oh great, it broke" },
          expectation: { kind: "equals", value: "negative" },
          notes: "seen twice",
        },
      },
      {
        row: 3,
        errors: [],
        record: { problem: "SENT-1", name: "Plain", purpose: "control", origin: "contrived", inputKind: "text", input: "Not bad, really", expectation: { kind: "not_equals", value: "negative" }, notes: "" },
      },
    ]);
  });

  it("reports a ragged row by its number and keeps going", async () => {
    const csv = [header, `SENT-1,A,case,contrived,"{}",json,"{""kind"":""human""}",`, `SENT-1,B,case,contrived,{},json`, `SENT-1,C,case,contrived,"{}",json,"{""kind"":""human""}",`].join("\n");
    const rows = await parsePatternsCsv(csv, "label", 2000);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[1]).toEqual({ row: 3, record: null, errors: [{ path: "row 3", message: expect.stringContaining("has 6 cells, the header has 8") }] });
    expect(rows[2]?.errors).toEqual([]);
  });

  it("names a bad JSON cell with its row and column", async () => {
    const csv = [header, `SENT-1,A,case,contrived,{not json},json,"{""kind"":""human""}",`, `SENT-1,B,case,contrived,"{}",json,{"kind":,`].join("\n");
    const rows = await parsePatternsCsv(csv, "label", 2000);
    expect(rows[0]?.errors[0]).toMatchObject({ path: "row 2: input", message: expect.stringContaining("for plain text set input_kind to text") });
    expect(rows[1]?.errors[0]?.path).toBe("row 3: expectation");
    expect(rows.every((r) => r.record === null)).toBe(true);
  });

  it("builds expectations from the shorthand columns, reading values as the project's outputs", async () => {
    const csv = [
      "problem,name,input,input_kind,expect_kind,expect_value,expect_k,expect_abs,expect_rel",
      "P-1,eq,hello,text,equals,3,,,",
      "P-1,one,hello,text,one_of,a|b,,,",
      "P-1,within,hello,text,within,3,,0.5,0.1",
      "P-1,top,hello,text,in_top_k,chihuahua,3,,",
      "P-1,re,hello,text,matches,^a|b$,,,",
      "P-1,hum,hello,text,human,,,,",
    ].join("\n");
    const expectations = (await parsePatternsCsv(csv, "label", 2000)).map((r) => r.record?.expectation);
    expect(expectations).toEqual([
      { kind: "equals", value: "3" },
      { kind: "one_of", values: ["a", "b"] },
      { kind: "within", value: 3, abs: 0.5, rel: 0.1 },
      { kind: "in_top_k", value: "chihuahua", k: 3 },
      { kind: "matches", pattern: "^a|b$" },
      { kind: "human" },
    ]);
    const numbers = await parsePatternsCsv(["problem,name,input,expect_kind,expect_value", 'P-1,n,"{""x"": 1}",equals,3', 'P-1,bad,"{""x"": 1}",equals,three'].join("\n"), "number", 2000);
    expect(numbers[0]?.record?.expectation).toEqual({ kind: "equals", value: 3 });
    expect(numbers[1]?.errors).toEqual([{ path: "row 3: expect_value", message: "must be a number" }]);
  });

  it("refuses a file whose header is not a patterns header", async () => {
    const error = await parsePatternsCsv("problem,title,input\nP-1,x,{}", "label", 2000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(((error as ValidationError).fields ?? []).map((f) => f.path)).toEqual(["header: title", "header: name", "header: expectation"]);
    await expect(parsePatternsCsv("", "label", 2000)).rejects.toThrow(/empty/);
  });

  it("refuses a file of more than maxRows rows, not counting blank lines", async () => {
    const row = `SENT-1,A,case,contrived,"{}",json,"{""kind"":""human""}",`;
    expect(await parsePatternsCsv([header, row, "", row, row].join("\n"), "label", 3)).toHaveLength(3);
    const error = await parsePatternsCsv([header, row, row, row, row].join("\n"), "label", 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRowsError);
    expect((error as TooManyRowsError).fields).toEqual([{ path: "body", message: "more than 3 rows" }]);
  });

  it("keeps row numbers across the slices it yields between", async () => {
    const row = (i: number) => `SENT-1,Row ${i},case,contrived,"{""n"": ${i}}",json,"{""kind"":""human""}",`;
    const rows = await parsePatternsCsv([header, ...Array.from({ length: 1000 }, (_, i) => row(i))].join("\n"), "label", 2000);
    expect(rows).toHaveLength(1000);
    expect(rows.every((r, i) => r.row === i + 2 && r.record?.name === `Row ${i}` && (r.record?.input as { n: number }).n === i)).toBe(true);
  });

  it("reports broken quoting on the row where it starts", async () => {
    const rows = await parsePatternsCsv([header, `SENT-1,A,case,contrived,"{}",json,"{""kind"":""human""}",`, `SENT-1,"B,case,contrived,{},json,{},`].join("\n"), "label", 2000);
    expect(rows[1]).toMatchObject({ row: 3, record: null, errors: [{ path: "row 3", message: expect.stringContaining("broken quoting") }] });
  });
});
