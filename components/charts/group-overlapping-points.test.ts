import { describe, expect, it } from "vitest";
import { groupOverlappingPoints } from "./group-overlapping-points";

describe("groupOverlappingPoints", () => {
  it("groups series with identical rates, highest rate first, and leaves out series without a rate", () => {
    // The demo's sentiment 2.1: SENT-1, SENT-4 and SENT-5 at 3/13.
    const r = 3 / 13;
    expect(groupOverlappingPoints([r, 0, 6 / 14, r, r, null, undefined])).toEqual([
      { rate: 6 / 14, seriesIndices: [2] },
      { rate: r, seriesIndices: [0, 3, 4] },
      { rate: 0, seriesIndices: [1] },
    ]);
  });

  it("gives every series its own group when no two overlap", () => {
    expect(groupOverlappingPoints([0.1, 0.2]).map((g) => g.seriesIndices)).toEqual([[1], [0]]);
  });
});
