"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiToken, type CreateApiTokenBody } from "@/lib/api-client/api-tokens";
import { Button, Field, FormError, formErrorMessage, TextInput } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

const SCOPES = [
  { value: "read", label: "read", hint: "read everything the owner may read" },
  { value: "write", label: "write", hint: "change what the owner may change" },
  { value: "capture", label: "capture", hint: "send production captures" },
  { value: "gate", label: "gate", hint: "ask the release gate (CI)" },
] as const;

export function CreateTokenForm({ projects }: { projects: { id: string; name: string }[] }) {
  const form = useApiForm();
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
          <p className="font-medium">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token-secret" className="mt-2 block select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
            {created.secret}
          </code>
          <p className="mt-2 text-emerald-800">Use it as <code className="font-mono">Authorization: Bearer …</code></p>
        </div>
      ) : null}
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const el = event.currentTarget;
          const data = new FormData(el);
          const expires = String(data.get("expiresAt") ?? "");
          void form.run(async () => {
            const token = await createApiToken({
              name: String(data.get("name") ?? ""),
              // The checkboxes' values are the scope names.
              scopes: data.getAll("scopes").map(String) as CreateApiTokenBody["scopes"],
              projectIds: data.getAll("projectIds").map(String),
              expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
            });
            setCreated(token);
            el.reset();
            router.refresh();
          });
        }}
      >
        <div className="sm:col-span-2">
          <FormError message={formErrorMessage(form.error)} />
        </div>
        <Field id="token-name" label="Name" error={form.fieldError("name")} hint="What it is for, e.g. “GitHub Actions release gate”.">
          <TextInput id="token-name" name="name" required maxLength={80} invalid={!!form.fieldError("name")} />
        </Field>
        <Field id="token-expires" label="Expires (optional)" error={form.fieldError("expiresAt")}>
          <TextInput id="token-expires" name="expiresAt" type="date" invalid={!!form.fieldError("expiresAt")} />
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {SCOPES.map((scope) => (
              <label key={scope.value} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="scopes" value={scope.value} defaultChecked={scope.value === "read"} className="mt-0.5" />
                <span>
                  <span className="font-medium text-slate-900">{scope.label}</span> — {scope.hint}
                </span>
              </label>
            ))}
          </div>
          {form.fieldError("scopes") ? <p className="mt-1 text-sm text-red-700" role="alert">{form.fieldError("scopes")}</p> : null}
        </fieldset>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Projects</legend>
          <p className="text-sm text-slate-600">None checked: every project. A token with the capture scope must name its projects.</p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {projects.map((project) => (
              <label key={project.id} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="projectIds" value={project.id} className="mt-0.5" />
                <span>{project.name}</span>
              </label>
            ))}
          </div>
          {form.fieldError("projectIds") ? <p className="mt-1 text-sm text-red-700" role="alert">{form.fieldError("projectIds")}</p> : null}
        </fieldset>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </div>
  );
}
