import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PatternHistoryEntry } from "@/lib/patterns/build-pattern-history";
import { RevisionHistory, type RevisionItem } from "./revision-history";

const person = { name: "Demo tester", email: "tester@example.test" };
const revision = (number: number, current: boolean): RevisionItem => ({
  id: `rev${number}`,
  number,
  inputKind: "text",
  input: `input ${number}`,
  expectation: { kind: "equals", value: "negative" },
  attachmentId: null,
  createdAt: new Date(Date.UTC(2026, 0, number)),
  current,
  createdBy: person,
});
/** The rendered text, tags dropped, whitespace collapsed. */
const text = (entries: PatternHistoryEntry<RevisionItem>[]) =>
  renderToStaticMarkup(<RevisionHistory entries={entries} />)
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

describe("RevisionHistory", () => {
  it("shows an in-place rename, purpose, origin and notes change as before → after, on the revision it was made on", () => {
    const out = text([
      {
        kind: "details",
        id: "7",
        at: new Date(Date.UTC(2026, 0, 3)),
        by: person,
        revisionNumber: 2,
        changes: { name: { from: "Oh great", to: "Oh great, again" }, purpose: { from: "case", to: "control" }, origin: { from: "contrived", to: "production" }, notes: { from: "", to: "seen twice" } },
      },
      { kind: "revision", revision: revision(2, true), details: {} },
      { kind: "revision", revision: revision(1, false), details: {} },
    ]);
    expect(out).toContain("Details edited on revision 2 · by Demo tester");
    expect(out).toContain("Renamed: “Oh great” → “Oh great, again”");
    expect(out).toContain("Purpose: case → control");
    expect(out).toContain("Origin: contrived → production");
    expect(out).toContain("Notes added");
    expect(out).toContain("added: seen twice");
    // The revisions still diff against the revision before them, not against the edit between them.
    expect(out).toContain("Revision 2");
    expect(out).toContain("removed: input 1");
    expect(out).toContain("First revision: equals negative.");
  });

  it("shows a rename made with a new revision inside that revision, and an unrecorded old edit as such", () => {
    const out = text([
      { kind: "details", id: "8", at: new Date(Date.UTC(2026, 0, 3)), by: null, revisionNumber: 2, changes: null },
      { kind: "revision", revision: revision(2, true), details: { name: { from: "a", to: "b" } } },
      { kind: "revision", revision: revision(1, false), details: {} },
    ]);
    expect(out).toMatch(/Revision 2 current by Demo tester · .*Renamed: “a” → “b”/);
    expect(out).toContain("by an unknown user (seed or deleted account)");
    expect(out).toContain("what changed was not recorded at the time");
  });
});
