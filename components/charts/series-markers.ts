// Plain module (not "use client"): the legend (a server component) draws the same shapes as the chart.
/** Marker shapes, so lines differ by more than colour (a deuteranopia simulation merged two pairs of Okabe–Ito lines). */
export const markerShapes = ["circle", "square", "triangle", "diamond", "triangle-down", "cross", "star", "hexagon", "x", "pentagon"] as const;

export type MarkerShape = (typeof markerShapes)[number];

/** A stable shape per series index, like seriesColor: filtering does not reshape lines. */
export function seriesMarker(index: number): MarkerShape {
  return markerShapes[((index % markerShapes.length) + markerShapes.length) % markerShapes.length] ?? "circle";
}

const polygon = (cx: number, cy: number, points: [number, number][]) =>
  `${points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(cx + x)},${round(cy + y)}`).join("")}Z`;
const round = (value: number) => Math.round(value * 100) / 100;
const regular = (sides: number, r: number, rotation: number): [number, number][] =>
  Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });

/** An SVG path of the shape centred on (cx, cy), about 2r across; every shape is closed and filled. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const up = -Math.PI / 2;
  switch (shape) {
    case "circle":
      return `M${round(cx - r)},${round(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square": {
      const s = r * 0.85;
      return polygon(cx, cy, [[-s, -s], [s, -s], [s, s], [-s, s]]);
    }
    case "triangle":
      return polygon(cx, cy, regular(3, r * 1.15, up).map(([x, y]) => [x, y + r * 0.15]));
    case "triangle-down":
      return polygon(cx, cy, regular(3, r * 1.15, -up).map(([x, y]) => [x, y - r * 0.15]));
    case "diamond":
      return polygon(cx, cy, [[0, -r * 1.2], [r, 0], [0, r * 1.2], [-r, 0]]);
    case "cross": {
      const a = r * 0.35;
      return polygon(cx, cy, [[-a, -r], [a, -r], [a, -a], [r, -a], [r, a], [a, a], [a, r], [-a, r], [-a, a], [-r, a], [-r, -a], [-a, -a]]);
    }
    case "x": {
      // The cross turned by 45°.
      const a = r * 0.35;
      const turn = ([x, y]: [number, number]): [number, number] => [(x - y) * Math.SQRT1_2, (x + y) * Math.SQRT1_2];
      const arm: [number, number][] = [[-a, -r], [a, -r], [a, -a], [r, -a], [r, a], [a, a], [a, r], [-a, r], [-a, a], [-r, a], [-r, -a], [-a, -a]];
      return polygon(cx, cy, arm.map(turn));
    }
    case "star":
      return polygon(
        cx,
        cy,
        regular(10, r * 1.25, up).map(([x, y], i) => (i % 2 === 0 ? [x, y] : [x * 0.45, y * 0.45])),
      );
    case "hexagon":
      return polygon(cx, cy, regular(6, r * 1.05, 0));
    case "pentagon":
      return polygon(cx, cy, regular(5, r * 1.1, up));
  }
}
