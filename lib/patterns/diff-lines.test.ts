import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, type DiffLine } from "./diff-lines";

const render = (diff: DiffLine[]) => diff.map((d) => `${d.op === "same" ? " " : d.op === "add" ? "+" : "-"}${d.text}`);

describe("diffLines", () => {
  it("marks one changed line of pretty JSON", () => {
    const before = JSON.stringify({ text: "old", lang: "en" }, null, 2);
    const after = JSON.stringify({ text: "new", lang: "en" }, null, 2);
    expect(render(diffLines(before, after))).toEqual([" {", '-  "text": "old",', '+  "text": "new",', '   "lang": "en"', " }"]);
  });

  it("finds insertions and deletions in the middle", () => {
    expect(render(diffLines("a\nb\nc\nd", "a\nc\nx\nd"))).toEqual([" a", "-b", " c", "+x", " d"]);
  });

  it("handles empty texts", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(render(diffLines("", "a"))).toEqual(["+a"]);
    expect(render(diffLines("a\nb", ""))).toEqual(["-a", "-b"]);
  });

  it("keeps a longest common subsequence: both sides can be rebuilt, and no line is both removed and kept needlessly", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a.join("\n"), b.join("\n"));
        const before = diff.filter((d) => d.op !== "add").map((d) => d.text);
        const after = diff.filter((d) => d.op !== "remove").map((d) => d.text);
        expect(before.join("\n")).toBe(a.join("\n"));
        expect(after.join("\n")).toBe(b.join("\n"));
        expect(diff.filter((d) => d.op === "same").length).toBe(lcsLength(a.join("\n") === "" ? [] : a.join("\n").split("\n"), b.join("\n") === "" ? [] : b.join("\n").split("\n")));
      }),
    );
  });
});

function lcsLength(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}
