import { formatTarget } from "@/lib/format/format-percent";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ProblemHistoryEntry } from "@/lib/problems/problem.schema";

/** "error rate ≤ 8%", and, when the ratchet set it, "tightened from 20% to 8% by sentiment 2.1". */
export function TargetText({ target, ratchet, history }: { target: number; ratchet: boolean; history: ProblemHistoryEntry[] }) {
  // History is newest first: only the latest target change explains the current target.
  const latest = history.find((entry) => entry.changes.target !== undefined);
  const tightened = latest?.action === "problem.ratchet" && latest.modelVersion ? latest : null;
  return (
    <span>
      error rate ≤ {formatTarget(target)}
      {tightened ? (
        <span className="text-slate-600" data-testid="ratchet-tightened">
          {" "}
          · target tightened from {formatTarget(tightened.changes.target!.from as number)} to {formatTarget(tightened.changes.target!.to as number)} by{" "}
          {modelVersionLabel(tightened.modelVersion!)}
        </span>
      ) : null}
      {ratchet ? <span className="text-slate-600"> · ratchet on</span> : null}
    </span>
  );
}
