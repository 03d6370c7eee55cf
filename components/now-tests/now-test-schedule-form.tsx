"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveNowTestSchedule } from "@/lib/api-client/now-tests";
import { Button, Field, FormError, formErrorMessage, SavedStatus, TextInput } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

type Schedule = { cron: string; enabled: boolean; nextRunAt: string | null; lastRunAt: string | null };

/** The project's now-test schedule: a cron expression (UTC) and whether it runs. */
export function NowTestScheduleForm({ projectId, schedule, canManage }: { projectId: string; schedule: Schedule; canManage: boolean }) {
  const form = useApiForm();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="space-y-4"
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.run(async () => {
          await saveNowTestSchedule(projectId, { cron: String(data.get("cron") ?? ""), enabled: data.get("enabled") === "on" });
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <FormError message={formErrorMessage(form.error)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="now-test-cron" label="Cron expression (UTC)" error={form.fieldError("cron")} hint="Five fields, at most hourly: “0 6 * * 1” is Mondays at 06:00.">
          <TextInput id="now-test-cron" name="cron" defaultValue={schedule.cron} required maxLength={100} disabled={!canManage} invalid={!!form.fieldError("cron")} className="font-mono" />
        </Field>
        <div className="space-y-2 text-sm text-slate-700 sm:pt-7">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="enabled" defaultChecked={schedule.enabled} disabled={!canManage} />
            <span className="font-medium text-slate-900">Run on this schedule</span>
          </label>
          <p data-testid="now-test-next-run">
            {schedule.enabled && schedule.nextRunAt ? `Next: ${new Date(schedule.nextRunAt).toISOString().slice(0, 16).replace("T", " ")} UTC` : "Off: no now-test runs on its own."}
          </p>
        </div>
      </div>
      {canManage ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save schedule"}
          </Button>
          <SavedStatus saved={saved} />
        </div>
      ) : null}
    </form>
  );
}
