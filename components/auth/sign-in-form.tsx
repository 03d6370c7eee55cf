"use client";
import { signIn } from "@/lib/api-client/auth";
import { Button, Field, FormError, TextInput } from "@/components/ui/form-controls";
import { useApiForm } from "./use-api-form";

export function SignInForm({ next }: { next: string }) {
  const form = useApiForm();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.run(async () => {
          await signIn({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
          window.location.assign(next);
        });
      }}
    >
      <FormError message={form.error?.status === 401 ? "Wrong email or password." : form.error?.message} />
      <Field id="email" label="Email">
        <TextInput id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field id="password" label="Password">
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
