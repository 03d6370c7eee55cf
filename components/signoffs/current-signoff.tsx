import { signoffSymbol } from "@/components/charts/signoff-symbol";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format-date";
import type { CurrentSignoff as CurrentSignoffData } from "@/lib/signoffs/list-current-signoffs";

/** "Approved by …, when, comment"; a stale one is struck through with the reason beside it. */
export function CurrentSignoff({ signoff }: { signoff: CurrentSignoffData | null }) {
  if (!signoff) return <span className="text-slate-500">Not signed off</span>;
  const approved = signoff.decision === "approve";
  return (
    <div className="space-y-1" data-stale={signoff.stale} data-decision={signoff.decision}>
      <div className={signoff.stale ? "text-slate-500 line-through" : ""}>
        <Badge tone={signoff.stale ? "slate" : approved ? "green" : "red"}>
          <span aria-hidden="true" className="mr-1">
            {signoffSymbol(signoff)}
          </span>
          {approved ? "Approved" : "Rejected"}
        </Badge>{" "}
        <span className="text-xs">
          by {signoff.createdBy?.name ?? "a deleted user"}, <time dateTime={signoff.createdAt.toISOString()}>{formatDateTime(signoff.createdAt)}</time>
        </span>
        {signoff.comment ? <p className="text-xs italic">“{signoff.comment}”</p> : null}
      </div>
      {signoff.stale ? (
        <p className="text-xs font-medium text-amber-900">
          Stale{signoff.staleReason ? `: ${signoff.staleReason}` : ""} — does not count.
        </p>
      ) : null}
    </div>
  );
}
