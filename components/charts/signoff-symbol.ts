// Plain module (not "use client"): server components render the same symbols as the chart.
/** The one place the symbols are decided: approved ✓, rejected ✗, stale (either) ◌. */
export function signoffSymbol(signoff: { decision: "approve" | "reject"; stale: boolean }): string {
  if (signoff.stale) return "◌";
  return signoff.decision === "approve" ? "✓" : "✗";
}
