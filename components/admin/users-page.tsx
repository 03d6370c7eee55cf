import type { Actor } from "@/lib/auth/actor";
import type { listOpenInvites, listUsers } from "@/lib/users/list-users";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format-date";
import { ApiActionButton } from "@/components/settings/api-action-button";
import { InviteForm } from "./invite-form";
import { RoleSelect } from "./role-select";

type Props = {
  actor: Actor;
  users: Awaited<ReturnType<typeof listUsers>>;
  invites: Awaited<ReturnType<typeof listOpenInvites>>;
};

export function UsersPage({ actor, users, invites }: Props) {
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Admins invite people and set their role: engineers manage problems, model versions and replays; testers curate patterns; stakeholders read and sign off." />
      <Card title="Invite someone">
        <InviteForm />
      </Card>
      <Card title={`People (${users.length})`}>
        <ul className="divide-y divide-slate-100" aria-label="Users">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {u.name} {u.id === actor.user.id ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
                </p>
                <p className="text-sm text-slate-600 break-all">{u.email}</p>
                {u.disabledAt ? <Badge tone="slate">disabled</Badge> : null}
              </div>
              <div className="flex items-center gap-2">
                <RoleSelect userId={u.id} role={u.role} label={`Role of ${u.email}`} />
                {u.id !== actor.user.id ? (
                  <ApiActionButton
                    action={{ name: "setUserDisabled", args: [u.id, !u.disabledAt] }}
                    label={u.disabledAt ? "Enable" : "Disable"}
                    tone={u.disabledAt ? "secondary" : "danger"}
                    confirm={u.disabledAt ? undefined : `Disable ${u.email}? They are signed out at once.`}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Open invites">
        {invites.length === 0 ? (
          <p className="text-sm text-slate-600">No open invites.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open invites">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <span className="break-all">
                  <span className="font-medium text-slate-900">{i.email}</span> as {i.role} · expires {formatDateTime(i.expiresAt)}
                </span>
                <ApiActionButton action={{ name: "revokeInvite", args: [i.id] }} label="Revoke" />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
