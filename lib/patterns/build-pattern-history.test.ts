import { describe, expect, it } from "vitest";
import { buildPatternHistory, type PatternUpdateEvent } from "./build-pattern-history";
import { diffPatternDetails, readPatternUpdateRecord } from "./pattern-detail-changes";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const person = { name: "Demo tester", email: "tester@example.test" };
const rev = (number: number, minute: number) => ({ id: `rev${number}`, number, createdAt: at(minute) });
const update = (id: string, minute: number, data: unknown): PatternUpdateEvent => ({ id, createdAt: at(minute), actor: person, record: readPatternUpdateRecord(data) });

describe("diffPatternDetails", () => {
  const before = { name: "Oh great", purpose: "case", origin: "production", notes: "" };

  it("keeps only the fields whose value changed, before → after", () => {
    expect(diffPatternDetails(before, { name: "Oh great, again", purpose: "case", origin: "contrived", notes: undefined })).toEqual({
      name: { from: "Oh great", to: "Oh great, again" },
      origin: { from: "production", to: "contrived" },
    });
  });

  it("is empty when the same values are sent again or none are sent", () => {
    expect(diffPatternDetails(before, { ...before })).toEqual({});
    expect(diffPatternDetails(before, {})).toEqual({});
  });
});

describe("readPatternUpdateRecord", () => {
  it("reads the changes an edit recorded", () => {
    expect(readPatternUpdateRecord({ newRevision: false, revision: 1, revisionId: "rev1", fields: ["name"], changes: { name: { from: "a", to: "b" } } })).toEqual({
      recorded: true,
      changes: { name: { from: "a", to: "b" } },
      newRevision: false,
      revisionId: "rev1",
    });
  });

  it("treats events from before changes were recorded, and unreadable data, as unrecorded", () => {
    expect(readPatternUpdateRecord({ newRevision: false, revision: 1, revisionId: "rev1", fields: ["name", "notes"] })).toEqual({ recorded: false, newRevision: false, revisionId: "rev1" });
    expect(readPatternUpdateRecord(null)).toEqual({ recorded: false, newRevision: false, revisionId: null });
    expect(readPatternUpdateRecord({ changes: { name: { from: 1, to: 2 } } })).toEqual({ recorded: false, newRevision: false, revisionId: null });
  });
});

describe("buildPatternHistory", () => {
  it("places in-place edits between revisions by time, newest first, each naming the revision it was made on", () => {
    const history = buildPatternHistory(
      [rev(2, 20), rev(1, 0)],
      [
        update("1", 10, { newRevision: false, revisionId: "rev1", changes: { name: { from: "a", to: "b" } } }),
        update("2", 20, { newRevision: true, revisionId: "rev2", changes: {} }),
        update("3", 30, { newRevision: false, revisionId: "rev2", changes: { purpose: { from: "case", to: "control" } } }),
      ],
    );
    expect(history.map((e) => (e.kind === "revision" ? `revision ${e.revision.number}` : `details on ${e.revisionNumber}`))).toEqual([
      "details on 2",
      "revision 2",
      "details on 1",
      "revision 1",
    ]);
    expect(history[0]).toMatchObject({ kind: "details", id: "3", by: person, changes: { purpose: { from: "case", to: "control" } } });
    expect(history[2]).toMatchObject({ kind: "details", changes: { name: { from: "a", to: "b" } } });
  });

  it("folds a rename made with a new revision into that revision", () => {
    const history = buildPatternHistory([rev(2, 20), rev(1, 0)], [update("1", 20, { newRevision: true, revisionId: "rev2", changes: { name: { from: "a", to: "b" } } })]);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ kind: "revision", revision: { number: 2 }, details: { name: { from: "a", to: "b" } } });
    expect(history[1]).toMatchObject({ kind: "revision", revision: { number: 1 }, details: {} });
  });

  it("leaves out saves that changed nothing, and shows older saves as unrecorded rather than guessing", () => {
    const history = buildPatternHistory(
      [rev(1, 0)],
      [update("1", 5, { newRevision: false, revisionId: "rev1", changes: {} }), update("2", 6, { newRevision: false, revisionId: "rev1", fields: ["name", "purpose", "origin", "notes"] })],
    );
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ kind: "details", id: "2", changes: null, revisionNumber: 1 });
  });

  it("keeps an in-place edit made in the same instant as its revision after it", () => {
    const history = buildPatternHistory([rev(1, 0)], [update("1", 0, { newRevision: false, revisionId: "rev1", changes: { notes: { from: "", to: "x" } } })]);
    expect(history.map((e) => e.kind)).toEqual(["details", "revision"]);
  });
});
