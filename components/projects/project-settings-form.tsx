"use client";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, FormError, formErrorMessage, SavedStatus } from "@/components/ui/form-controls";
import { updateProject, type UpdateProjectBody } from "@/lib/api-client/projects";

type ProjectSettingsFormProps = {
  projectId: string;
  lockVersion: number;
  /** The button's label ("Save gate policy"). */
  submitLabel: string;
  /** The fields this form changes, read from its inputs (lockVersion is added here). */
  toBody: (data: FormData) => Omit<UpdateProjectBody, "lockVersion">;
  /** The inputs, given the field error of a body path ("gatePolicy.statuses"). */
  children: (fieldError: (path: string) => string | undefined) => ReactNode;
};

/**
 * One card's worth of project settings, saved through PATCH /api/v1/projects/{id}
 * with the page's lockVersion: a 409 asks for a reload, a 422 lands under its field.
 */
export function ProjectSettingsForm({ projectId, lockVersion, submitLabel, toBody, children }: ProjectSettingsFormProps) {
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
        const body = toBody(new FormData(event.currentTarget));
        setSaved(false);
        void form.run(async () => {
          await updateProject(projectId, { ...body, lockVersion });
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
      {children(form.fieldError)}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : submitLabel}
        </Button>
        <SavedStatus saved={saved && !form.pending} />
      </div>
    </form>
  );
}
