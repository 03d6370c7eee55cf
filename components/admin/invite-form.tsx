"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createInvite, type CreateInviteBody } from "@/lib/api-client/users";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, Field, FormError, formErrorMessage, Select, TextInput } from "@/components/ui/form-controls";

export function InviteForm() {
  const form = useApiForm();
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {link ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
          <p className="font-medium">Invite created. Send this link; it is shown only now.</p>
          <code data-testid="invite-link" className="mt-2 block select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
            {link}
          </code>
        </div>
      ) : null}
      <form
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          const el = event.currentTarget;
          const data = new FormData(el);
          void form.run(async () => {
            // The select's options are the role names.
            const invite = await createInvite({ email: String(data.get("email") ?? ""), role: String(data.get("role")) as CreateInviteBody["role"] });
            setLink(invite.url);
            el.reset();
            router.refresh();
          });
        }}
      >
        <Field id="invite-email" label="Email" error={form.fieldError("email")}>
          <TextInput id="invite-email" name="email" type="email" required invalid={!!form.fieldError("email")} />
        </Field>
        <Field id="invite-role" label="Role">
          <Select id="invite-role" name="role" defaultValue="tester">
            <option value="engineer">engineer</option>
            <option value="tester">tester</option>
            <option value="stakeholder">stakeholder</option>
            <option value="admin">admin</option>
          </Select>
        </Field>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Inviting…" : "Invite"}
        </Button>
        <div className="sm:col-span-3">
          <FormError message={formErrorMessage(form.error)} />
        </div>
      </form>
    </div>
  );
}
