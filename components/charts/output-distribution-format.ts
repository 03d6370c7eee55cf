/** What an output distribution's buckets are: labels or texts, or histogram bins of numbers or of text lengths. */
export type BucketScale = "label" | "text" | "number" | "length";

/** A bucket as a reader sees it: the label or text itself, or a bin "from–to" (up to the next bin's lower bound; lengths up to the character before it; "from+" for the last). */
export function formatBucketValue(scale: BucketScale, value: string | number, next?: string | number): string {
  if (scale === "label" || scale === "text") return String(value);
  const from = formatNumber(Number(value));
  if (next === undefined) return `${from}+`;
  // Lengths are whole characters: the bin [20, 33) reads "20–32".
  if (scale === "length") return Number(next) - 1 > Number(value) ? `${from}–${formatNumber(Number(next) - 1)}` : from;
  return `${from}–${formatNumber(Number(next))}`;
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(1) : value.toPrecision(2);
}
