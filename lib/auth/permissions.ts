import type { Role, TokenScope } from "@/lib/db/generated/enums";

// The one permission table. Roles are per instance; an API token acts with its
// owner's role AND must carry one of the permission's scopes. `scopes: []`
// means sessions only: tokens can never do it (managing users and tokens).

const everyone: Role[] = ["admin", "engineer", "tester", "stakeholder"];

export const PERMISSIONS = {
  "projects.read": { roles: everyone, scopes: ["read"] },
  "projects.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "problems.read": { roles: everyone, scopes: ["read"] },
  "problems.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "patterns.read": { roles: everyone, scopes: ["read"] },
  "patterns.write": { roles: ["admin", "engineer", "tester"], scopes: ["write"] },
  "captures.create": { roles: ["admin", "engineer", "tester"], scopes: ["capture", "write"] },
  "captures.triage": { roles: ["admin", "engineer", "tester"], scopes: ["write"] },
  "models.read": { roles: everyone, scopes: ["read"] },
  "models.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "replays.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "grades.write": { roles: ["admin", "engineer", "tester"], scopes: ["write"] },
  "signoffs.read": { roles: everyone, scopes: ["read"] },
  "signoffs.write": { roles: ["admin", "stakeholder"], scopes: ["write"] },
  "gate.read": { roles: everyone, scopes: ["gate", "read"] },
  // After the release: engineers and admins manage now-test schedules and webhooks; everyone reads.
  "nowtests.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "webhooks.read": { roles: everyone, scopes: ["read"] },
  "webhooks.write": { roles: ["admin", "engineer"], scopes: ["write"] },
  "api.read": { roles: everyone, scopes: ["read", "write", "capture", "gate"] },
  // GET /api/metrics: API tokens only (or RATCHET_METRICS_TOKEN), never a browser session.
  "metrics.read": { roles: everyone, scopes: ["read"] },
  "tokens.manage": { roles: everyone, scopes: [] },
  "users.read": { roles: ["admin"], scopes: [] },
  "users.manage": { roles: ["admin"], scopes: [] },
  "audit.read": { roles: ["admin"], scopes: [] },
} as const satisfies Record<string, { roles: readonly Role[]; scopes: readonly TokenScope[] }>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function scopesAllow(scopes: readonly TokenScope[], permission: Permission): boolean {
  const accepted = PERMISSIONS[permission].scopes as readonly TokenScope[];
  return accepted.some((scope) => scopes.includes(scope));
}
