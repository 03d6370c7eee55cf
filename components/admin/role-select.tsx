"use client";
import { useRouter } from "next/navigation";
import { updateUser } from "@/lib/api-client/users";
import { useApiForm } from "@/components/auth/use-api-form";
import { InlineError, Select } from "@/components/ui/form-controls";

const ROLES = ["admin", "engineer", "tester", "stakeholder"] as const;

export function RoleSelect({ userId, role, label }: { userId: string; role: string; label: string }) {
  const form = useApiForm();
  const router = useRouter();
  return (
    <span className="inline-flex flex-col gap-1">
      <Select
        aria-label={label}
        defaultValue={role}
        disabled={form.pending}
        className="w-36 py-1"
        onChange={(event) => {
          const next = event.currentTarget.value as (typeof ROLES)[number];
          void form.run(async () => {
            await updateUser(userId, { role: next });
            router.refresh();
          });
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <InlineError message={form.error?.message} className="text-xs" />
    </span>
  );
}
