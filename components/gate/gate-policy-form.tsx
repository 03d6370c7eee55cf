"use client";
import { problemStatusLabel } from "@/components/ui/badge";
import { PercentField } from "@/components/ui/percent-field";
import type { UpdateProjectBody } from "@/lib/api-client/projects";
import { ProjectSettingsForm } from "@/components/projects/project-settings-form";
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
  return (
    <ProjectSettingsForm
      projectId={projectId}
      lockVersion={lockVersion}
      submitLabel="Save gate policy"
      toBody={(data) => {
        const share = String(data.get("maxErroredShare") ?? "").trim();
        const gatePolicy = {
          statuses: data.getAll("statuses").map(String),
          blockRegressions: data.get("blockRegressions") === "on",
          signoffSeverities: data.getAll("signoffSeverities").map(String),
          maxErroredShare: share === "" ? null : Number(share) / 100,
        };
        return { gatePolicy: gatePolicy as UpdateProjectBody["gatePolicy"] };
      }}
    >
      {(fieldError) => (
        <>
          <CheckboxGroup
            legend="Held to their target"
            hint="Problems in these statuses must be at or under their target. Won't-fix problems are outside the gate."
            name="statuses"
            options={STATUSES.map((s) => ({ value: s, label: problemStatusLabel[s] }))}
            checked={policy.statuses}
            error={fieldError("gatePolicy.statuses")}
          />
          <CheckboxGroup
            legend="Need a current approval"
            hint="Problems of these severities (and a status above) need an approval that is not stale, and no current rejection."
            name="signoffSeverities"
            options={SEVERITIES.map((s) => ({ value: s, label: s }))}
            checked={policy.signoffSeverities}
            error={fieldError("gatePolicy.signoffSeverities")}
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
            error={fieldError("gatePolicy.maxErroredShare")}
          />
        </>
      )}
    </ProjectSettingsForm>
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
