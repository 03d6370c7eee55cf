import type { ReactNode } from "react";
import type { ModelStatus, ProblemStatus, Severity } from "@/lib/db/generated/enums";

// Every tone pairs a light fill with a dark text of the same hue (contrast ≥ 7:1), as .badge-<tone> in
// app/globals.css; the word itself carries the meaning, the colour only helps scanning.
export type BadgeTone = "red" | "orange" | "amber" | "green" | "blue" | "violet" | "slate";

export function Badge({ tone = "slate", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
<span className={`badge badge-${tone}`}>{children}</span>
  );
}

const severityTone: Record<Severity, BadgeTone> = { critical: "red", high: "orange", medium: "amber", low: "slate" };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={severityTone[severity]}>{severity}</Badge>;
}

const problemStatusTone: Record<ProblemStatus, BadgeTone> = {
  open: "blue",
  monitoring: "violet",
  resolved: "green",
  wont_fix: "slate",
};

export const problemStatusLabel: Record<ProblemStatus, string> = {
  open: "open",
  monitoring: "monitoring",
  resolved: "resolved",
  wont_fix: "won't fix",
};

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  return <Badge tone={problemStatusTone[status]}>{problemStatusLabel[status]}</Badge>;
}

const modelStatusTone: Record<ModelStatus, BadgeTone> = {
  candidate: "blue",
  production: "green",
  retired: "slate",
  rejected: "red",
};

export function ModelStatusBadge({ status }: { status: ModelStatus }) {
  return <Badge tone={modelStatusTone[status]}>{status}</Badge>;
}
