import { describe, expect, it } from "vitest";
import { triageCaptureSchema } from "@/lib/captures/capture.schema";
import { patternRecordSchema } from "@/lib/import-export/pattern-record.schema";
import { createPatternSchema } from "./create-pattern.schema";
import { updatePatternSchema } from "./update-pattern.schema";

const fields = { name: "Zipper", inputKind: "text", input: "Oh great, it broke", expectation: { kind: "equals", value: "negative" } } as const;

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
}

describe("purpose and its deprecated alias polarity", () => {
  it.each([
    [{}, "case"],
    [{ purpose: "control" }, "control"],
    [{ polarity: "positive" }, "case"],
    [{ polarity: "negative" }, "control"],
    [{ purpose: "control", polarity: "negative" }, "control"],
  ])("a new pattern with %j has purpose %s and no polarity", (given, purpose) => {
    const parsed = createPatternSchema.parse({ ...fields, ...given });
    expect(parsed.purpose).toBe(purpose);
    expect(parsed).not.toHaveProperty("polarity");
  });

  it("refuses purpose and polarity that disagree, at polarity, in create, update, import and triage", () => {
    const conflict = { purpose: "case", polarity: "negative" } as const;
    const message = '"negative" means control, but purpose is "case"; polarity is a deprecated alias of purpose: send purpose only';
    expect(issues(createPatternSchema.safeParse({ ...fields, ...conflict }))).toEqual([["polarity", message]]);
    expect(issues(updatePatternSchema.safeParse({ lockVersion: 0, ...conflict }))).toEqual([["polarity", message]]);
    expect(issues(patternRecordSchema.safeParse({ problem: "SENT-1", ...fields, ...conflict }))).toEqual([["polarity", message]]);
    expect(issues(triageCaptureSchema.safeParse({ problemId: "cl0000000000000000000000x", name: "x", expectation: { kind: "human" }, ...conflict }))).toEqual([["polarity", message]]);
  });

  it("refuses values of neither vocabulary at their own field", () => {
    expect(issues(createPatternSchema.safeParse({ ...fields, purpose: "positive" })).map(([path]) => path)).toEqual(["purpose"]);
    expect(issues(createPatternSchema.safeParse({ ...fields, polarity: "case" })).map(([path]) => path)).toEqual(["polarity"]);
  });

  it("leaves purpose out of an edit that names neither, and maps the alias in one that does", () => {
    expect(updatePatternSchema.parse({ lockVersion: 3, name: "renamed" })).toEqual({ lockVersion: 3, name: "renamed" });
    expect(updatePatternSchema.parse({ lockVersion: 3, polarity: "negative" })).toEqual({ lockVersion: 3, purpose: "control" });
  });

  it("requires a purpose (or the alias) when triaging a capture", () => {
    const body = { problemId: "cl0000000000000000000000x", name: "x", expectation: { kind: "human" } };
    expect(issues(triageCaptureSchema.safeParse(body))).toEqual([["purpose", "is required (case or control)"]]);
    expect(triageCaptureSchema.parse({ ...body, polarity: "positive" }).purpose).toBe("case");
  });
});
