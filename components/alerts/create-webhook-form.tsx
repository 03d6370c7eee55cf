"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createWebhook, type CreateWebhookBody } from "@/lib/api-client/webhooks";
import { PROJECT_EVENT_LABELS, PROJECT_EVENTS } from "@/lib/alerts/project-events";
import { Button, Field, FormError, formErrorMessage, Select, TextInput } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

/** Adds a webhook; its signing secret is shown here once. */
export function CreateWebhookForm({ projectId }: { projectId: string }) {
  const form = useApiForm();
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
          <p className="font-medium">Webhook added. Copy its signing secret now: it will not be shown again.</p>
          <code data-testid="new-webhook-secret" className="mt-2 block select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
            {created.secret}
          </code>
          <p className="mt-2 text-emerald-800">
            Each delivery carries <code className="font-mono">X-Ratchet-Signature: sha256=</code> the hex HMAC-SHA256 of the raw body with this secret.
          </p>
        </div>
      ) : null}
      <form
        className="grid gap-4 sm:grid-cols-[1fr_12rem]"
        onSubmit={(event) => {
          event.preventDefault();
          const el = event.currentTarget;
          const data = new FormData(el);
          void form.run(async () => {
            const hook = await createWebhook(projectId, {
              url: String(data.get("url") ?? ""),
              format: String(data.get("format") ?? "json") as CreateWebhookBody["format"],
              // The checkboxes' values are the event names.
              events: data.getAll("events").map(String) as CreateWebhookBody["events"],
            });
            setCreated({ url: hook.url, secret: hook.secret });
            el.reset();
            router.refresh();
          });
        }}
      >
        <div className="sm:col-span-2">
          <FormError message={formErrorMessage(form.error)} />
        </div>
        <Field id="webhook-url" label="URL" error={form.fieldError("url")} hint="Receives a POST per event; the outbound policy of model connectors applies.">
          <TextInput id="webhook-url" name="url" type="url" required maxLength={2000} placeholder="https://hooks.slack.com/services/…" invalid={!!form.fieldError("url")} />
        </Field>
        <Field id="webhook-format" label="Body" error={form.fieldError("format")}>
          <Select id="webhook-format" name="format" defaultValue="json">
            <option value="json">Generic JSON</option>
            <option value="slack">Slack message</option>
          </Select>
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {PROJECT_EVENTS.map((event) => (
              <label key={event} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={event} defaultChecked={event !== "replay.completed"} className="mt-0.5" />
                <span>
                  {PROJECT_EVENT_LABELS[event]} <code className="text-xs text-slate-500">{event}</code>
                </span>
              </label>
            ))}
          </div>
          {form.fieldError("events") ? <p className="mt-1 text-sm text-red-700" role="alert">{form.fieldError("events")}</p> : null}
        </fieldset>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Adding…" : "Add webhook"}
          </Button>
        </div>
      </form>
    </div>
  );
}
