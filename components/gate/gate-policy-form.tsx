"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { problemStatusLabel } from "@/components/ui/badge";
import { Button, FormError, formErrorMessage, SavedStatus } from "@/components/ui/form-controls";
import { PercentField } from "@/components/ui/percent-field";
import { updateProject, type UpdateProjectBody } from "@/lib/api-client/projects";
import type { GatePolicy } from "@/lib/gate/gate-policy.schema";

type GatePolicyFormProps = {
  projectId: string;
  policy: GatePolicy;
  /** Significance level of the regression rule (edited with the project's other fields). */
  alpha: number;
  lockVersion: number;
};

const STATUSES = ["open", "monitoring", "resolved"] as const;
const SEVERITIES = ["critical", "high", "medium", "low"] as const;

/** The release gate's policy, saved through PATCH /api/v1/projects/{id} like every other project setting. */
export function GatePolicyForm({ projectId, policy, alpha, lockVersion }: GatePolicyFormProps) {
  const router = useRouter();
  const form = useApiForm();
  const [saved, setSaved] = useState(false);
  const error = form.error;
  return (
    <form
      className="grid gap-5 sm:grid-cols-2"
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const share = String(data.get("maxErroredShare") ?? "").trim();
        const gatePolicy = {
          statuses: data.getAll("statuses").map(String),
          blockRegressions: data.get("blockRegressions") === "on",
          signoffSeverities: data.getAll("signoffSeverities").map(String),
          maxErroredShare: share === "" ? null : Number(share) / 100,
        };
        setSaved(false);
        void form.run(async () => {
          await updateProject(projectId, { lockVersion, gatePolicy: gatePolicy as UpdateProjectBody["gatePolicy"] });
          setSaved(true);
          router.refresh();
        });
      }}
    >
      {error ? (
        <div className="sm:col-span-2">
          <FormError message={error.status === 409 ? "The project was changed since this page was loaded: reload the page and apply your change again." : formErrorMessage(error)} />
        </div>
      ) : null}
      <CheckboxGroup
        legend="Held to their target"
        hint="Problems in these statuses must be at or under their target. Won't-fix problems are outside the gate."
        name="statuses"
        options={STATUSES.map((s) => ({ value: s, label: problemStatusLabel[s] }))}
        checked={policy.statuses}
        error={form.fieldError("gatePolicy.statuses")}
      />
      <CheckboxGroup
        legend="Need a current approval"
        hint="Problems of these severities (and a status above) need an approval that is not stale, and no current rejection."
        name="signoffSeverities"
        options={SEVERITIES.map((s) => ({ value: s, label: s }))}
        checked={policy.signoffSeverities}
        error={form.fieldError("gatePolicy.signoffSeverities")}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Regressions</legend>
        <label className="mt-2 flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="blockRegressions" defaultChecked={policy.blockRegressions} className="mt-0.5" />
          <span>Fail a version significantly worse than production on any problem (exact McNemar, p &lt; α = {alpha}, more broken than fixed).</span>
        </label>
      </fieldset>
      <PercentField
        id="gate-max-errored"
        name="maxErroredShare"
        label="Errored calls allowed per problem (%)"
        hint="More errored calls than this fails the gate: the error rate would rest on too few results."
        rate={policy.maxErroredShare}
        error={form.fieldError("gatePolicy.maxErroredShare")}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save gate policy"}
        </Button>
        <SavedStatus saved={saved && !form.pending} />
      </div>
    </form>
  );
}

function CheckboxGroup(props: { legend: string; hint: string; name: string; options: { value: string; label: string }[]; checked: string[]; error?: string }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{props.legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {props.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name={props.name} value={option.value} defaultChecked={props.checked.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {props.error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-500">{props.hint}</p>
      )}
    </fieldset>
  );
}
