import { describe, expect, it } from "vitest";
import { placeLabels } from "./place-labels";

const bounds = { gap: 14, top: 0, bottom: 300 };

describe("placeLabels", () => {
  it("leaves labels that do not overlap where they wish to be", () => {
    expect(placeLabels([{ id: "A", y: 50 }, { id: "B", y: 100 }, { id: "C", y: 20 }], bounds)).toEqual([50, 100, 20]);
  });

  it("spreads labels at the same spot evenly around it, in a stable order", () => {
    expect(placeLabels([{ id: "SENT-5", y: 200 }, { id: "SENT-1", y: 200 }, { id: "SENT-4", y: 200 }], bounds)).toEqual([214, 186, 200]);
  });

  it("moves labels apart just enough, so every two are at least the gap apart", () => {
    const placed = placeLabels([{ id: "A", y: 100 }, { id: "B", y: 105 }, { id: "C", y: 130 }], bounds);
    const sorted = [...placed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
    // Order is kept: A above B above C.
    expect(placed[0]).toBeLessThan(placed[1]!);
    expect(placed[1]).toBeLessThan(placed[2]!);
    // A and B move apart around their mean (102.5); C, a gap below B already, stays.
    expect(placed).toEqual([95.5, 109.5, 130]);
  });

  it("keeps labels inside the plot, pushing a cluster off the bottom edge upwards", () => {
    const placed = placeLabels([{ id: "A", y: 300 }, { id: "B", y: 300 }, { id: "C", y: 300 }], bounds);
    expect(Math.max(...placed)).toBe(300);
    expect([...placed].sort((a, b) => a - b)).toEqual([272, 286, 300]);
  });

  it("keeps labels inside the plot at the top edge", () => {
    const placed = placeLabels([{ id: "A", y: -20 }, { id: "B", y: 0 }], bounds);
    expect(placed).toEqual([0, 14]);
  });
});
