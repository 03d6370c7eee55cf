/** What an output distribution's buckets are: labels or texts, or histogram bins of numbers or of text lengths. */
export type BucketScale = "label" | "text" | "number" | "length";

/** A bucket as a reader sees it: the label or text itself, or a bin "from–to" (the next bin's lower bound, or "and up" for the last). */
export function formatBucketValue(scale: BucketScale, value: string | number, next?: string | number): string {
  if (scale === "label" || scale === "text") return String(value);
  const from = formatNumber(Number(value));
  return next === undefined ? `${from}+` : `${from}–${formatNumber(Number(next))}`;
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(1) : value.toPrecision(2);
}
