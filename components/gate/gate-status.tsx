import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { GateResource } from "@/lib/gate/gate.schema";

const DECISION: Record<GateResource["decision"], { tone: BadgeTone; label: string; summary: string }> = {
  pass: { tone: "green", label: "pass", summary: "Every check is met: this version may ship." },
  fail: { tone: "red", label: "fail", summary: "The evidence violates the gate's policy." },
  pending: { tone: "amber", label: "pending", summary: "Nothing violated yet; waiting for what is still to come." },
};

const SHOWN_REASONS = 6;

/** The release gate's decision for one model version, its reasons, and the CI command that asks the same question. */
export function GateStatus({ gate }: { gate: GateResource }) {
  const decision = DECISION[gate.decision];
  const shown = gate.reasons.slice(0, SHOWN_REASONS);
  const more = gate.reasons.length - shown.length;
  return (
    <Card
      title={
        <span className="inline-flex items-center gap-2">
          Release gate <Badge tone={decision.tone}>{decision.label}</Badge>
        </span>
      }
      description={decision.summary}
    >
      <div className="space-y-3 text-sm" data-testid="gate-status" data-decision={gate.decision}>
        {shown.length ? (
          <ul className="space-y-1 text-slate-800" aria-label="Why">
            {shown.map((reason) => (
              <li key={reason} className="break-words">
                {reason}
              </li>
            ))}
            {more > 0 ? <li className="text-slate-600">and {more} more</li> : null}
          </ul>
        ) : null}
        <p className="text-xs text-slate-600">
          {gate.production
            ? `Compared with production ${gate.production.name} ${gate.production.version} at α = ${gate.policy.alpha}.`
            : gate.modelVersion.status === "production"
              ? "This is the production version: no regression check."
              : "No production version to compare with."}{" "}
          Replay {gate.replay.complete ? "complete" : "incomplete"}. The policy is in the project&apos;s settings.
        </p>
        <p className="text-xs text-slate-600">
          In CI: <code className="break-all text-slate-800">node ratchet.mjs gate --model {gate.modelVersion.id}</code> (
          <a href="/cli/ratchet.mjs" download className="text-blue-700 hover:underline">
            download ratchet.mjs
          </a>
          ; exit 0 pass, 1 fail, 2 pending).
        </p>
      </div>
    </Card>
  );
}
