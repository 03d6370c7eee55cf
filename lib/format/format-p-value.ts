/** p-values as people read them: "< 0.001", else three decimals. */
export function formatPValue(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}
