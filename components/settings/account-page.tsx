import type { Actor } from "@/lib/auth/actor";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChangePasswordForm } from "./change-password-form";

export function AccountPage({ actor }: { actor: Actor }) {
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" actions={<SignOutButton className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" />} />
      <Card title="Profile">
        <DescriptionList
          items={[
            { label: "Name", value: actor.user.name },
            { label: "Email", value: actor.user.email },
            { label: "Role", value: <Badge tone="blue">{actor.user.role}</Badge> },
          ]}
        />
      </Card>
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
