/** 0.4167 → "42%"; null → "—". Whole percents: the interval is wider than any decimal. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return "—";
  return `${Math.round(rate * 100)}%`;
}

/**
 * A problem's target as it was entered: 0.125 → "12.5%", 0.08 → "8%" (up to two
 * decimals, no trailing zeros). Unlike a measured rate, a target is exact: rounding
 * 12.5% to "13%" would show a promise nobody made.
 */
export function formatTarget(target: number): string {
  return `${Number((target * 100).toFixed(2))}%`;
}
