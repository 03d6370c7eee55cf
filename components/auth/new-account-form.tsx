"use client";
import { apiFetch } from "@/lib/api-client/api-fetch";
import { Button, Field, FormError, TextInput } from "@/components/ui/form-controls";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { useApiForm } from "./use-api-form";

/** Name + password (+ email when not fixed by an invite), posted to setup or invite acceptance. */
export function NewAccountForm({ endpoint, fixedEmail, token, submitLabel }: { endpoint: string; fixedEmail?: string; token?: string; submitLabel: string }) {
  const form = useApiForm();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.run(async () => {
          const body = { name: data.get("name"), password: data.get("password"), ...(fixedEmail ? { token } : { email: data.get("email") }) };
          await apiFetch(endpoint, { method: "POST", body });
          window.location.assign("/");
        });
      }}
    >
      <FormError message={form.error && !form.error.fields.length ? form.error.message : null} />
      <Field id="name" label="Your name" error={form.fieldError("name")}>
        <TextInput id="name" name="name" autoComplete="name" required invalid={!!form.fieldError("name")} />
      </Field>
      {fixedEmail ? (
        <Field id="email" label="Email">
          <TextInput id="email" value={fixedEmail} readOnly disabled />
        </Field>
      ) : (
        <Field id="email" label="Email" error={form.fieldError("email")}>
          <TextInput id="email" name="email" type="email" autoComplete="username" required invalid={!!form.fieldError("email")} />
        </Field>
      )}
      <Field id="password" label="Password" error={form.fieldError("password")} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required invalid={!!form.fieldError("password")} />
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Creating account…" : submitLabel}
      </Button>
    </form>
  );
}
