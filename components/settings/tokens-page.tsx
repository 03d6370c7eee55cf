import type { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import type { Actor } from "@/lib/auth/actor";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format-date";
import { ApiActionButton } from "./api-action-button";
import { CreateTokenForm } from "./create-token-form";

type TokenProject = { id: string; name: string };

export function TokensPage({ actor, tokens, projects }: { actor: Actor; tokens: Awaited<ReturnType<typeof listApiTokens>>; projects: TokenProject[] }) {
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description="Tokens let CI ask the release gate and let production send captures. A token acts with your role, limited to its scopes."
      />
      <Card title="New token">
        <CreateTokenForm projects={projects} />
      </Card>
      <Card title={actor.user.role === "admin" ? "All tokens" : "Your tokens"}>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="API tokens">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-slate-900">
                    {t.name} <code className="ml-1 font-mono text-xs text-slate-500">{t.prefix}</code>
                  </p>
                  <p className="flex flex-wrap gap-1">
                    {t.scopes.map((s) => (
                      <Badge key={s} tone="blue">
                        {s}
                      </Badge>
                    ))}
                    <Badge tone={t.state === "active" ? "green" : "slate"}>{t.state}</Badge>
                    <span className="text-xs text-slate-600">{t.projectIds.length ? `projects: ${t.projectIds.map((id) => projectName.get(id) ?? "deleted project").join(", ")}` : "every project"}</span>
                  </p>
                  <p className="text-xs text-slate-600">
                    {actor.user.role === "admin" ? `${t.owner} · ` : ""}created {formatDateTime(t.createdAt)} · last used {formatDateTime(t.lastUsedAt)} · expires{" "}
                    {t.expiresAt ? formatDateTime(t.expiresAt) : "never"}
                  </p>
                </div>
                {t.state === "active" ? <ApiActionButton action={{ name: "revokeApiToken", args: [t.id] }} label="Revoke" confirm={`Revoke “${t.name}”? Anything using it stops working.`} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
