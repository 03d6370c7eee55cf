import { describe, expect, it } from "vitest";
import { seriesColors } from "./series-colors";
import { markerPath, markerShapes, seriesMarker } from "./series-markers";

describe("series markers", () => {
  it("gives every colour of the palette a different shape, so no two lines differ by colour alone", () => {
    const shapes = seriesColors.map((_, i) => seriesMarker(i));
    expect(new Set(shapes).size).toBe(seriesColors.length);
  });

  it("is stable per index and wraps for any integer", () => {
    expect(seriesMarker(0)).toBe("circle");
    expect(seriesMarker(markerShapes.length)).toBe("circle");
    expect(seriesMarker(-1)).toBe(markerShapes.at(-1));
  });

  it("draws each shape as a different closed path centred on the point", () => {
    const paths = markerShapes.map((shape) => markerPath(shape, 50, 50, 5));
    expect(new Set(paths).size).toBe(markerShapes.length);
    for (const path of paths) {
      expect(path).toMatch(/^M[\d.]+,[\d.]+/);
      expect(path.endsWith("Z")).toBe(true);
      const numbers = [...path.matchAll(/(?<![a-z])([ML])([\d.]+),([\d.]+)/g)].map((m) => [Number(m[2]), Number(m[3])]);
      for (const [x, y] of numbers) {
        expect(Math.abs(x! - 50)).toBeLessThanOrEqual(7);
        expect(Math.abs(y! - 50)).toBeLessThanOrEqual(7);
      }
    }
  });
});
