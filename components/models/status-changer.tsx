"use client";
import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, InlineError, useFocusWhenShown } from "@/components/ui/form-controls";
import { updateModelVersion } from "@/lib/api-client/models";
import type { ModelStatus } from "@/lib/db/generated/enums";
import { MODEL_STATUS_TRANSITIONS } from "@/lib/models/model-status-transitions";

const ACTION_LABEL: Record<ModelStatus, string> = {
  production: "Make production",
  retired: "Retire",
  rejected: "Reject",
  candidate: "Back to candidate",
};

type StatusChangerProps = {
  modelVersion: { id: string; name: string; version: string; status: ModelStatus; lockVersion: number };
  /** The production version this one would replace, if any. */
  currentProduction: { name: string; version: string } | null;
};

/** The status transitions allowed from the current status, as buttons (PATCH with lockVersion; 409 offers a reload). */
export function StatusChanger({ modelVersion: v, currentProduction }: StatusChangerProps) {
  const router = useRouter();
  const form = useApiForm();
  const conflict = form.error?.status === 409;
  // The buttons were disabled while the request ran: the notice takes the focus instead of the page body.
  const conflictRef = useFocusWhenShown<HTMLDivElement>(conflict ? form.error : null);
  const targets = MODEL_STATUS_TRANSITIONS[v.status];

  function change(status: ModelStatus) {
    if (status === "production") {
      const message = currentProduction
        ? `Make ${v.name} ${v.version} production? ${currentProduction.name} ${currentProduction.version} is retired.`
        : `Make ${v.name} ${v.version} production?`;
      if (!window.confirm(message)) return;
    }
    void form.run(async () => {
      await updateModelVersion(v.id, { lockVersion: v.lockVersion, status });
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {targets.map((status) => (
          <Button key={status} type="button" tone={status === "rejected" ? "danger" : "secondary"} disabled={form.pending} onClick={() => change(status)}>
            {ACTION_LABEL[status]}
          </Button>
        ))}
      </div>
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600">
          <p className="font-medium">Changed by someone since you opened it. The status was not changed.</p>
          <Button type="button" tone="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      ) : (
        <InlineError message={form.error ? (form.error.fields[0]?.message ? `${form.error.message} (${form.error.fields[0].message})` : form.error.message) : null} />
      )}
    </div>
  );
}
