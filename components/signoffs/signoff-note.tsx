import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { signoffSymbol } from "@/components/charts/signoff-symbol";

/** "✓ approved" in a table cell; who, when and the comment in the title and for screen readers; stale ones struck through. */
export function SignoffNote({ signoff }: { signoff: ErrorRateChartSignoff }) {
  if (!signoff) return null;
  const decision = signoff.decision === "approve" ? "approved" : "rejected";
  const details = `${decision} by ${signoff.by}, ${signoff.at}${signoff.comment ? `: “${signoff.comment}”` : ""}${signoff.stale ? ` (stale${signoff.staleReason ? `: ${signoff.staleReason}` : ""})` : ""}`;
  return (
    <span data-testid="signoff-note" data-decision={signoff.decision} data-stale={signoff.stale} title={details} className={`block text-xs font-normal ${signoff.stale ? "text-slate-500 line-through" : signoff.decision === "approve" ? "text-emerald-800" : "text-red-800"}`}>
      <span aria-hidden="true">
        {signoffSymbol(signoff)} {signoff.stale ? "stale" : decision}
      </span>
      <span className="sr-only">Sign-off: {details}</span>
    </span>
  );
}
