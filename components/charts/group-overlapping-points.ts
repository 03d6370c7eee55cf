/**
 * At one model version, the series whose points are drawn on the same spot (identical error rates):
 * each group lists its series indices, highest rate first; series without a rate are left out.
 * A marker on top hides the others there, so the tooltip and the announcement name every one.
 */
export function groupOverlappingPoints(rates: readonly (number | null | undefined)[]): { rate: number; seriesIndices: number[] }[] {
  const groups = new Map<number, number[]>();
  rates.forEach((rate, index) => {
    if (rate === null || rate === undefined) return;
    const group = groups.get(rate);
    if (group) group.push(index);
    else groups.set(rate, [index]);
  });
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([rate, seriesIndices]) => ({ rate, seriesIndices }));
}
