import { describe, expect, it } from "vitest";
import { groupTargets } from "./group-targets";

describe("groupTargets", () => {
  it("merges identical targets into one group listing every series, in order of first appearance", () => {
    expect(groupTargets([{ target: 0.2 }, { target: 0.1 }, { target: 0.25 }, { target: 0.3 }, { target: 0.2 }])).toEqual([
      { target: 0.2, seriesIndices: [0, 4] },
      { target: 0.1, seriesIndices: [1] },
      { target: 0.25, seriesIndices: [2] },
      { target: 0.3, seriesIndices: [3] },
    ]);
  });

  it("keeps targets that differ by as little as a tenth of a percent apart", () => {
    expect(groupTargets([{ target: 0.125 }, { target: 0.126 }])).toHaveLength(2);
  });

  it("has no group without series", () => {
    expect(groupTargets([])).toEqual([]);
  });
});
