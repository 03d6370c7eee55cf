/** 0.4167 → "42%"; null → "—". Whole percents: the interval is wider than any decimal. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return "—";
  return `${Math.round(rate * 100)}%`;
}
