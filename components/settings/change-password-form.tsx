"use client";
import { useState } from "react";
import { changePassword } from "@/lib/api-client/auth";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Button, Field, FormError, TextInput } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

export function ChangePasswordForm() {
  const form = useApiForm();
  const [done, setDone] = useState(false);
  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const el = event.currentTarget;
        const data = new FormData(el);
        setDone(false);
        void form.run(async () => {
          await changePassword({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? ""), revokeOtherSessions: true });
          el.reset();
          setDone(true);
        });
      }}
    >
      <FormError message={form.error?.message} />
      {done ? <p role="status" className="text-sm text-emerald-800">Password changed. Other sessions were signed out.</p> : null}
      <Field id="currentPassword" label="Current password">
        <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="newPassword" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
      </Field>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
