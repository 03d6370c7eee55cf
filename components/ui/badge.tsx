import type { ReactNode } from "react";
import type { ModelStatus, ProblemStatus, Severity } from "@/lib/db/generated/enums";

// Every tone pairs a light fill with a dark text of the same hue (contrast ≥ 7:1);
// the word itself carries the meaning, the colour only helps scanning.
const tones = {
  red: "bg-red-50 text-red-800 ring-red-200",
  orange: "bg-orange-50 text-orange-800 ring-orange-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  blue: "bg-blue-50 text-blue-800 ring-blue-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "slate", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
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
