"use client";
import { Field, TextInput } from "@/components/ui/form-controls";
import { ProjectSettingsForm } from "./project-settings-form";

type AfterReleaseFormProps = {
  projectId: string;
  driftThreshold: number | null;
  maxModelAgeDays: number | null;
  lockVersion: number;
};

/** An empty field turns the check off (null); anything else is sent as typed, so the API's 422 names a bad value. */
function numberOrNull(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
}

/** The after-release checks of a project (capture drift threshold, model age limit), saved through PATCH /api/v1/projects/{id}. */
export function AfterReleaseForm({ projectId, driftThreshold, maxModelAgeDays, lockVersion }: AfterReleaseFormProps) {
  return (
    <ProjectSettingsForm
      projectId={projectId}
      lockVersion={lockVersion}
      submitLabel="Save after-release checks"
      toBody={(data) => ({ driftThreshold: numberOrNull(data.get("driftThreshold")), maxModelAgeDays: numberOrNull(data.get("maxModelAgeDays")) })}
    >
      {(fieldError) => (
        <>
          <Field
            id="drift-threshold"
            label="Capture drift threshold (0–1)"
            hint="A week whose captured outputs shift more than this from the production version's raises an alert. Empty: off."
            error={fieldError("driftThreshold")}
          >
            <TextInput
              id="drift-threshold"
              name="driftThreshold"
              type="number"
              inputMode="decimal"
              step="0.01"
              min="0.01"
              max="1"
              defaultValue={driftThreshold ?? ""}
              invalid={Boolean(fieldError("driftThreshold"))}
            />
          </Field>
          <Field
            id="max-model-age"
            label="Production model older than (days)"
            hint="Warn on the dashboard and alert when the production version was trained (else registered) longer ago. Empty: off."
            error={fieldError("maxModelAgeDays")}
          >
            <TextInput
              id="max-model-age"
              name="maxModelAgeDays"
              type="number"
              inputMode="numeric"
              step="1"
              min="1"
              max="3650"
              defaultValue={maxModelAgeDays ?? ""}
              invalid={Boolean(fieldError("maxModelAgeDays"))}
            />
          </Field>
        </>
      )}
    </ProjectSettingsForm>
  );
}
