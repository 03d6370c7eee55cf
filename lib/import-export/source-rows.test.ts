import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePatternsCsv } from "./parse-patterns-csv";
import { parsePatternsJsonl } from "./parse-patterns-jsonl";
import { locateSourceRows, replaceSourceRow, sourceRowText } from "./source-rows";

const csv = 'problem,name,input\r\nSENT-1,"Two\nlines",hello\r\n\r\nSENT-2,Plain,"a, b"';

describe("locateSourceRows", () => {
  it("numbers CSV records as the server does: header row 1, a quoted cell spanning lines is one row, a blank line counts", () => {
    expect(locateSourceRows(csv, "csv").map((r) => [r.row, csv.slice(r.start, r.end)])).toEqual([
      [1, "problem,name,input"],
      [2, 'SENT-1,"Two\nlines",hello'],
      [3, ""],
      [4, 'SENT-2,Plain,"a, b"'],
    ]);
  });

  it("gives each row the server's CSV parser reports the text it was read from", async () => {
    const file = 'problem,name,input,expect_kind,expect_value\nSENT-1,"Two\nlines",hi,equals,positive\n\nSENT-2,Ragged,hi\nSENT-3,Last,"a, b",equals,negative';
    const parsed = await parsePatternsCsv(file, "label", 10);
    expect(parsed.map((r) => [r.row, sourceRowText(file, "csv", r.row)])).toEqual([
      [2, 'SENT-1,"Two\nlines",hi,equals,positive'],
      [4, "SENT-2,Ragged,hi"],
      [5, 'SENT-3,Last,"a, b",equals,negative'],
    ]);
  });

  it("numbers JSONL rows by line, as parsePatternsJsonl does, without the line break", async () => {
    const jsonl = '{"name":"a"}\r\n\n{"name":\n';
    expect(locateSourceRows(jsonl, "jsonl").map((r) => jsonl.slice(r.start, r.end))).toEqual(['{"name":"a"}', "", '{"name":', ""]);
    const parsed = await parsePatternsJsonl(jsonl, 10);
    expect(parsed.map((r) => r.row)).toEqual([1, 3]);
    expect(parsed.map((r) => sourceRowText(jsonl, "jsonl", r.row))).toEqual(['{"name":"a"}', '{"name":']);
  });
});

describe("replaceSourceRow", () => {
  it("puts an edited CSV row back in place and keeps every other byte", () => {
    expect(replaceSourceRow(csv, "csv", 2, "SENT-1,Fixed,hi")).toBe('problem,name,input\r\nSENT-1,Fixed,hi\r\n\r\nSENT-2,Plain,"a, b"');
    expect(replaceSourceRow(csv, "csv", 4, "SENT-2,x,y")).toBe('problem,name,input\r\nSENT-1,"Two\nlines",hello\r\n\r\nSENT-2,x,y');
  });

  it("leaves the text alone for a row the file does not have", () => {
    expect(replaceSourceRow(csv, "csv", 9, "x")).toBe(csv);
    expect(sourceRowText(csv, "csv", 9)).toBeNull();
  });

  it("replacing a row with its own text is the identity, for any JSONL text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "{", "}", '"', "\r", "\n", ",", " ") }), { maxLength: 8 }).map((parts) => parts.join("")), fc.nat(10), (text, row) => {
        const own = sourceRowText(text, "jsonl", row + 1);
        expect(replaceSourceRow(text, "jsonl", row + 1, own ?? "")).toBe(text);
      }),
    );
  });

  it("replacing a row with its own text is the identity, for any CSV text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", '"', "\r", "\n", ",", " ") }), { maxLength: 8 }).map((parts) => parts.join("")), fc.nat(10), (text, row) => {
        const own = sourceRowText(text, "csv", row + 1);
        expect(replaceSourceRow(text, "csv", row + 1, own ?? "")).toBe(text);
      }),
    );
  });
});
