"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { problemStatusLabel } from "@/components/ui/badge";
import { Button, Field, FormError, formErrorMessage, Select, TextInput } from "@/components/ui/form-controls";
import { PercentField } from "@/components/ui/percent-field";
import { formatTarget } from "@/lib/format/format-percent";
import { createProblem, updateProblem, type CreateProblemBody } from "@/lib/api-client/problems";
import { ConflictNotice } from "./conflict-notice";
import { TextArea } from "./text-area";

export type ProblemFormValues = {
  id?: string;
  title: string;
  description: string;
  severity: "critical" | "high" | "medium" | "low";
  status: "open" | "monitoring" | "resolved" | "wont_fix";
  target: number;
  origin: string;
  ownerId: string | null;
  ratchet?: boolean;
  lockVersion?: number;
};

type ProblemFormProps = {
  projectId: string;
  projectSlug: string;
  owners: { id: string; name: string }[];
  /** Editing this problem; absent: a new one. */
  initial?: ProblemFormValues;
  onSaved?: () => void;
  onCancel?: () => void;
};

const ORIGINS = ["client report", "production incident", "QA", "internal review", "user feedback"];

/** Log or edit a problem; the target is entered in percent and sent as 0–1. */
export function ProblemForm({ projectId, projectSlug, owners, initial, onSaved, onCancel }: ProblemFormProps) {
  const router = useRouter();
  const form = useApiForm();
  const [base, setBase] = useState(initial);
  const editing = !!base?.id;
  // A reloaded conflict stays in useApiForm until the next submit; hide it meanwhile.
  const [handledError, setHandledError] = useState<unknown>(null);
  const error = form.error === handledError ? null : form.error;
  const conflict = error?.status === 409 && error.current ? (error.current as ProblemFormValues) : null;
  const ownerName = (id: string | null) => owners.find((o) => o.id === id)?.name ?? "nobody";
  const display: Record<string, (v: ProblemFormValues) => string> = {
    title: (v) => v.title,
    severity: (v) => v.severity,
    status: (v) => problemStatusLabel[v.status],
    target: (v) => formatTarget(v.target),
    origin: (v) => v.origin || "—",
    owner: (v) => ownerName(v.ownerId),
    ratchet: (v) => (v.ratchet ? "on" : "off"),
    description: (v) => v.description || "—",
  };

  return (
    <form
      key={base?.lockVersion ?? "new"}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const targetText = String(data.get("target") ?? "").trim();
        // Severity and status come from selects whose options are the schema's values.
        const body = {
          title: String(data.get("title") ?? ""),
          description: String(data.get("description") ?? ""),
          severity: String(data.get("severity") ?? "") as CreateProblemBody["severity"],
          status: String(data.get("status") ?? "") as CreateProblemBody["status"],
          // NaN travels as null, so an empty target gets the API's field error.
          target: targetText === "" ? Number.NaN : Number(targetText) / 100,
          origin: String(data.get("origin") ?? ""),
          ownerId: String(data.get("ownerId") ?? "") || null,
          ratchet: data.get("ratchet") === "on",
        };
        void form.run(async () => {
          if (editing && base?.id) {
            const saved = await updateProblem(base.id, { ...body, lockVersion: base.lockVersion ?? 0 });
            setBase(saved);
            router.refresh();
            onSaved?.();
          } else {
            const created = await createProblem(projectId, body);
            router.push(`/projects/${projectSlug}/problems/${encodeURIComponent(created.key)}`);
          }
        });
      }}
    >
      {error ? (
      <div className="space-y-2 sm:col-span-2 lg:col-span-4">
        {conflict && base ? (
          <ConflictNotice
            message={error!.message}
            theirs={Object.entries(display)
              .filter(([, show]) => show(conflict) !== show(base))
              .map(([label, show]) => ({ label, value: show(conflict) }))}
            onReload={() => {
              setBase(conflict);
              setHandledError(form.error);
              router.refresh();
            }}
          />
        ) : (
          <FormError message={formErrorMessage(error)} />
        )}
      </div>
      ) : null}
      <div className="sm:col-span-2 lg:col-span-4">
        <Field id="problem-title" label="Title" error={form.fieldError("title")} hint="The weakness in a few words, e.g. “reads sarcastic complaints as praise”.">
          <TextInput id="problem-title" name="title" required maxLength={200} defaultValue={base?.title ?? ""} invalid={!!form.fieldError("title")} />
        </Field>
      </div>
      <Field id="problem-severity" label="Severity" error={form.fieldError("severity")}>
        <Select id="problem-severity" name="severity" defaultValue={base?.severity ?? "medium"}>
          {["critical", "high", "medium", "low"].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="problem-status" label="Status" error={form.fieldError("status")}>
        <Select id="problem-status" name="status" defaultValue={base?.status ?? "open"}>
          {(["open", "monitoring", "resolved", "wont_fix"] as const).map((s) => (
            <option key={s} value={s}>
              {problemStatusLabel[s]}
            </option>
          ))}
        </Select>
      </Field>
      <PercentField
        id="problem-target"
        name="target"
        label="Target error rate (%)"
        hint="The highest error rate at which it may be signed off."
        rate={base ? base.target : 0.1}
        error={form.fieldError("target")}
      />
      <Field id="problem-owner" label="Owner" error={form.fieldError("ownerId")}>
        <Select id="problem-owner" name="ownerId" defaultValue={base?.ownerId ?? ""}>
          <option value="">Nobody</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2 lg:col-span-4">
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input id="problem-ratchet" type="checkbox" name="ratchet" defaultChecked={base?.ratchet ?? false} className="mt-0.5" />
          <span>
            <span className="font-medium text-slate-900">Ratchet the target</span> — whenever a version goes to production, lower the target to
            its error rate here if that is lower, so later versions are held to the level already reached.
          </span>
        </label>
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <Field id="problem-origin" label="Origin" error={form.fieldError("origin")} hint="Where it came from.">
          <TextInput id="problem-origin" name="origin" list="problem-origins" maxLength={200} defaultValue={base?.origin ?? ""} invalid={!!form.fieldError("origin")} />
          <datalist id="problem-origins">
            {ORIGINS.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </Field>
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <Field id="problem-description" label="Description" error={form.fieldError("description")}>
          <TextArea id="problem-description" name="description" rows={4} defaultValue={base?.description ?? ""} invalid={!!form.fieldError("description")} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : editing ? "Save changes" : "Log problem"}
        </Button>
        {onCancel ? (
          <Button type="button" tone="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
