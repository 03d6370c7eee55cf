"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, Field, FormError, formErrorMessage, SavedStatus, TextInput } from "@/components/ui/form-controls";
import { updateProject } from "@/lib/api-client/projects";

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
        setSaved(false);
        void form.run(async () => {
          await updateProject(projectId, { lockVersion, driftThreshold: numberOrNull(data.get("driftThreshold")), maxModelAgeDays: numberOrNull(data.get("maxModelAgeDays")) });
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
      <Field
        id="drift-threshold"
        label="Capture drift threshold (0–1)"
        hint="A week whose captured outputs shift more than this from the production version's raises an alert. Empty: off."
        error={form.fieldError("driftThreshold")}
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
          invalid={Boolean(form.fieldError("driftThreshold"))}
        />
      </Field>
      <Field
        id="max-model-age"
        label="Production model older than (days)"
        hint="Warn on the dashboard and alert when the production version was trained (else registered) longer ago. Empty: off."
        error={form.fieldError("maxModelAgeDays")}
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
          invalid={Boolean(form.fieldError("maxModelAgeDays"))}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save after-release checks"}
        </Button>
        <SavedStatus saved={saved && !form.pending} />
      </div>
    </form>
  );
}
