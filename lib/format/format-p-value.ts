/**
 * An exact p-value as people read it against α: "p = 0.031", "p = 0.13",
 * "p = 1", "p < 0.001". Two significant digits: the test is exact, the reader
 * only needs to see which side of α it falls.
 */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p >= 1) return "p = 1";
  return `p = ${p < 0.1 ? Number(p.toPrecision(2)) : p.toFixed(2)}`;
}
