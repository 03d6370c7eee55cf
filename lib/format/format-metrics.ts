/** A short "auc 0.912 · f1 0.87" line from a model version's free-form metrics JSON. */
export function formatMetrics(metrics: unknown, limit = 3): string {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return "—";
  const entries = Object.entries(metrics as Record<string, unknown>).filter(
    ([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean",
  );
  if (entries.length === 0) return "—";
  const shown = entries.slice(0, limit).map(([k, v]) => `${k} ${typeof v === "number" ? formatNumber(v) : String(v)}`);
  const more = entries.length - shown.length;
  return more > 0 ? `${shown.join(" · ")} · +${more} more` : shown.join(" · ");
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}
