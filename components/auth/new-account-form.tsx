"use client";
import { acceptInvite, setUpFirstAdmin } from "@/lib/api-client/auth";
import { Button, Field, FormError, formErrorMessage, TextInput } from "@/components/ui/form-controls";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { useApiForm } from "./use-api-form";

/** Name + password (+ email when not fixed by an invite): the first admin at setup, or the invited account. */
export function NewAccountForm({ invite, submitLabel }: { invite?: { email: string; token: string }; submitLabel: string }) {
  const fixedEmail = invite?.email;
  const form = useApiForm();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.run(async () => {
          const account = { name: String(data.get("name") ?? ""), password: String(data.get("password") ?? "") };
          if (invite) await acceptInvite({ ...account, token: invite.token });
          else await setUpFirstAdmin({ ...account, email: String(data.get("email") ?? "") });
          window.location.assign("/");
        });
      }}
    >
      <FormError message={formErrorMessage(form.error)} />
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
