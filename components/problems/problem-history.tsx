import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format-date";
import { problemStatusLabel } from "@/components/ui/badge";
import type { ProblemHistoryEntry } from "@/lib/problems/problem.schema";
import { formatTarget } from "@/lib/format/format-percent";
import { modelVersionLabel } from "@/lib/models/model-version-label";

const FIELD_LABEL: Record<string, string> = { ownerId: "owner" };

function show(field: string, value: unknown, owners: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  // As entered: 12.5%, not "13%".
  if (field === "target" && typeof value === "number") return formatTarget(value);
  if (field === "status" && typeof value === "string") return problemStatusLabel[value as keyof typeof problemStatusLabel] ?? value;
  if (field === "ownerId" && typeof value === "string") return owners.get(value) ?? "a former user";
  if (field === "description") return "(text changed)";
  if (field === "ratchet" && typeof value === "boolean") return value ? "on" : "off";
  return String(value);
}

/** Who changed what and when; status and target changes first in each entry, as sign-offs depend on them. */
export function ProblemHistory({ entries, owners }: { entries: ProblemHistoryEntry[]; owners: { id: string; name: string }[] }) {
  const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
  const order = (field: string) => (field === "status" ? 0 : field === "target" ? 1 : 2);
  return (
    <Card title="History" description="Status and target changes, and every other edit, with who and when.">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded.</p>
      ) : (
        <ol className="space-y-3" aria-label="Problem history">
          {entries.map((entry) => (
            <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
              <p className="text-xs text-slate-600">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> · {entry.actor?.name ?? "someone"}
                {entry.action === "problem.create" ? " logged it" : ""}
                {entry.action === "problem.ratchet" && entry.modelVersion
                  ? ` put ${modelVersionLabel(entry.modelVersion)} in production: the ratchet tightened the target`
                  : ""}
              </p>
              <ul className="mt-0.5 text-sm text-slate-800">
                {Object.entries(entry.changes)
                  .sort(([a], [b]) => order(a) - order(b))
                  .map(([field, change]) => (
                    <li key={field}>
                      <span className={field === "status" || field === "target" ? "font-medium" : ""}>{FIELD_LABEL[field] ?? field}</span>
                      {entry.action === "problem.create" ? ": " : `: ${show(field, change.from, ownerNames)} → `}
                      {show(field, change.to, ownerNames)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
