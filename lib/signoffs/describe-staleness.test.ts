import { describe, expect, it } from "vitest";
import { describeStaleness, diffEvidence } from "./describe-staleness";
import type { EvidenceItem } from "./signoff-evidence";

const item = (patternId: string, revisionId: string, verdict: EvidenceItem["verdict"] = "pass"): EvidenceItem => ({ patternId, revisionId, verdict, outputHash: null });

describe("diffEvidence", () => {
  it("counts added, edited and archived patterns and changed verdicts separately", () => {
    const frozen = [item("a", "a1"), item("b", "b1"), item("c", "c1", "fail"), item("d", "d1")];
    const current = [item("a", "a1"), item("b", "b2", "none"), item("c", "c1", "pass"), item("e", "e1", "none"), item("f", "f1")];
    expect(diffEvidence(frozen, current)).toEqual({ added: 2, edited: 1, archived: 1, verdictsChanged: 1 });
  });

  it("finds nothing when the evidence is the same", () => {
    const frozen = [item("a", "a1"), item("b", "b1", "fail")];
    expect(diffEvidence(frozen, [...frozen].reverse())).toEqual({ added: 0, edited: 0, archived: 0, verdictsChanged: 0 });
  });
});

describe("describeStaleness", () => {
  it("names the noun once, with the first count", () => {
    expect(describeStaleness({ added: 2, edited: 1, archived: 0, verdictsChanged: 0 })).toBe("2 patterns added, 1 edited since");
    expect(describeStaleness({ added: 0, edited: 1, archived: 3, verdictsChanged: 0 })).toBe("1 pattern edited, 3 archived since");
  });

  it("reports changed verdicts with their own noun", () => {
    expect(describeStaleness({ added: 0, edited: 0, archived: 0, verdictsChanged: 1 })).toBe("1 verdict changed since");
    expect(describeStaleness({ added: 1, edited: 0, archived: 0, verdictsChanged: 2 })).toBe("1 pattern added, 2 verdicts changed since");
  });

  it("is null when nothing changed", () => {
    expect(describeStaleness({ added: 0, edited: 0, archived: 0, verdictsChanged: 0 })).toBeNull();
  });
});
