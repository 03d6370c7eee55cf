import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { TokenScope } from "@/lib/db/generated/enums";
import { callRoute } from "@/lib/testing/call-route";
import { discoverApiRoutes, type DiscoveredRoute } from "@/lib/testing/discover-api-routes";
import { ROLES, createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// The role × route matrix, generated from the permission table and the route
// files on disk: a route without a permission entry fails here.

/** Every /api/v1 operation and the permission it must demand. A new route fails until it is added here, with its permission. */
const EXPECTED_PERMISSIONS: Record<string, Permission> = {
  "GET /api/v1/attachments/[attachmentId]": "patterns.read",
  "GET /api/v1/audit-events": "audit.read",
  "POST /api/v1/captures/[captureId]/dismiss": "captures.triage",
  "POST /api/v1/captures/[captureId]/triage": "captures.triage",
  "POST /api/v1/grades": "grades.write",
  "GET /api/v1/invites": "users.read",
  "POST /api/v1/invites": "users.manage",
  "DELETE /api/v1/invites/[inviteId]": "users.manage",
  "GET /api/v1/me": "api.read",
  "GET /api/v1/models/[modelId]": "models.read",
  "GET /api/v1/models/[modelId]/compare": "models.read",
  "GET /api/v1/models/[modelId]/output-distribution": "models.read",
  "GET /api/v1/models/[modelId]/gate": "gate.read",
  "POST /api/v1/models/[modelId]/signoffs": "signoffs.write",
  "GET /api/v1/problems/[problemId]/signoffs": "signoffs.read",
  "POST /api/v1/problems/[problemId]/signoffs": "signoffs.write",
  // Sign-offs are immutable: PATCH and DELETE exist only to answer 405.
  "PATCH /api/v1/problems/[problemId]/signoffs": "signoffs.write",
  "DELETE /api/v1/problems/[problemId]/signoffs": "signoffs.write",
  "GET /api/v1/signoffs/[signoffId]": "signoffs.read",
  "PATCH /api/v1/signoffs/[signoffId]": "signoffs.write",
  "DELETE /api/v1/signoffs/[signoffId]": "signoffs.write",
  "PATCH /api/v1/models/[modelId]": "models.write",
  "POST /api/v1/models/[modelId]/artifact": "models.write",
  "GET /api/v1/models/[modelId]/now-tests": "models.read",
  "POST /api/v1/models/[modelId]/now-tests": "nowtests.write",
  "GET /api/v1/models/[modelId]/replays": "models.read",
  "POST /api/v1/models/[modelId]/replays": "replays.write",
  "GET /api/v1/models/[modelId]/results": "models.read",
  "POST /api/v1/models/[modelId]/test-connection": "models.write",
  "GET /api/v1/openapi.json": "api.read",
  "GET /api/v1/patterns/[patternId]": "patterns.read",
  "PATCH /api/v1/patterns/[patternId]": "patterns.write",
  "DELETE /api/v1/patterns/[patternId]": "patterns.write",
  "GET /api/v1/patterns/[patternId]/revisions": "patterns.read",
  "GET /api/v1/problems/[problemId]": "problems.read",
  "PATCH /api/v1/problems/[problemId]": "problems.write",
  "GET /api/v1/problems/[problemId]/history": "problems.read",
  "GET /api/v1/problems/[problemId]/patterns": "patterns.read",
  "POST /api/v1/problems/[problemId]/patterns": "patterns.write",
  "GET /api/v1/projects": "projects.read",
  "POST /api/v1/projects": "projects.write",
  "GET /api/v1/projects/[projectId]": "projects.read",
  "PATCH /api/v1/projects/[projectId]": "projects.write",
  "POST /api/v1/projects/[projectId]/attachments": "patterns.write",
  "GET /api/v1/projects/[projectId]/captures": "patterns.read",
  "POST /api/v1/projects/[projectId]/connectors/test": "models.write",
  "POST /api/v1/projects/[projectId]/captures": "captures.create",
  "GET /api/v1/projects/[projectId]/error-rates": "projects.read",
  "GET /api/v1/projects/[projectId]/grades/queue": "projects.read",
  "GET /api/v1/projects/[projectId]/models": "models.read",
  "POST /api/v1/projects/[projectId]/models": "models.write",
  "GET /api/v1/projects/[projectId]/patterns/export": "patterns.read",
  "POST /api/v1/projects/[projectId]/patterns/import": "patterns.write",
  "GET /api/v1/projects/[projectId]/problems": "problems.read",
  "POST /api/v1/projects/[projectId]/problems": "problems.write",
  "GET /api/v1/projects/[projectId]/replays": "models.read",
  "GET /api/v1/projects/[projectId]/now-test-schedule": "projects.read",
  "PUT /api/v1/projects/[projectId]/now-test-schedule": "nowtests.write",
  "GET /api/v1/projects/[projectId]/webhooks": "webhooks.read",
  "POST /api/v1/projects/[projectId]/webhooks": "webhooks.write",
  "DELETE /api/v1/projects/[projectId]/webhooks/[webhookId]": "webhooks.write",
  "GET /api/v1/projects/[projectId]/webhooks/[webhookId]/deliveries": "webhooks.read",
  "POST /api/v1/projects/[projectId]/webhooks/[webhookId]/test": "webhooks.write",
  "GET /api/v1/replays/[runId]": "models.read",
  "POST /api/v1/replays/[runId]/cancel": "replays.write",
  "GET /api/v1/tokens": "tokens.manage",
  "POST /api/v1/tokens": "tokens.manage",
  "DELETE /api/v1/tokens/[tokenId]": "tokens.manage",
  "GET /api/v1/users": "users.read",
  "PATCH /api/v1/users/[userId]": "users.manage",
};

const ALL_SCOPES: TokenScope[] = ["read", "write", "capture", "gate"];
const FAKE_ID = "cl0000000000000000000000x";

const routes = await discoverApiRoutes();
const users = {} as Record<(typeof ROLES)[number], TestUser>;
let admin: TestUser;

beforeAll(async () => {
  for (const role of ROLES) users[role] = await createTestUser(role);
  admin = users.admin;
});

function call(route: DiscoveredRoute, headers: Record<string, string>) {
  const params = Object.fromEntries(route.params.map((p) => [p, FAKE_ID]));
  const hasBody = route.method === "POST" || route.method === "PATCH" || route.method === "PUT";
  return callRoute(route.handler as Parameters<typeof callRoute>[0], { method: route.method, path: route.urlPath, params, headers, body: hasBody ? {} : undefined });
}

describe("every /api/v1 route", () => {
  it("are exactly the operations listed above, each demanding the permission listed", () => {
    const found = Object.fromEntries(routes.map((r) => [`${r.method} ${r.urlPath}`, (r.handler as { permission?: Permission }).permission]));
    expect(found).toEqual(EXPECTED_PERMISSIONS);
  });

  for (const route of routes) {
    const name = `${route.method} ${route.urlPath}`;
    describe(name, () => {
      const permission = (route.handler as { permission?: Permission }).permission;

      it("declares a permission from the table", () => {
        expect(permission, `${route.file} ${route.method} must be built with apiRoute({ permission })`).toBeDefined();
        expect(Object.keys(PERMISSIONS)).toContain(permission);
      });
      if (!permission || !(permission in PERMISSIONS)) return;
      const rule = PERMISSIONS[permission];

      it("answers 401 to an anonymous caller", async () => {
        const res = await call(route, {});
        expect(res.status).toBe(401);
        expect(res.json.error?.code).toBe("unauthenticated");
      });

      for (const role of ROLES) {
        const allowed = (rule.roles as readonly string[]).includes(role);
        it(`${allowed ? "lets" : "refuses (403)"} a signed-in ${role}`, async () => {
          const res = await call(route, { cookie: users[role].cookie });
          if (allowed) expect([401, 403], `${name} as ${role}: ${res.text}`).not.toContain(res.status);
          else expect(res.status, `${name} as ${role}: ${res.text}`).toBe(403);
        });
      }

      const wrongScopes = ALL_SCOPES.filter((s) => !(rule.scopes as readonly string[]).includes(s));
      if (rule.scopes.length === 0) {
        it("refuses (403) every API token: sessions only", async () => {
          const token = await createTestToken(admin, ALL_SCOPES);
          const res = await call(route, { authorization: `Bearer ${token.secret}` });
          expect(res.status, res.text).toBe(403);
        });
      } else if (wrongScopes.length) {
        it(`refuses (403) an admin's token with only other scopes (${wrongScopes.join(", ")})`, async () => {
          const token = await createTestToken(admin, wrongScopes);
          const res = await call(route, { authorization: `Bearer ${token.secret}` });
          expect(res.status, res.text).toBe(403);
        });
      }

      if (rule.scopes.length) {
        it(`lets an admin's token with scope ${rule.scopes[0]} through`, async () => {
          const token = await createTestToken(admin, [rule.scopes[0] as TokenScope]);
          const res = await call(route, { authorization: `Bearer ${token.secret}` });
          expect([401, 403], res.text).not.toContain(res.status);
        });
      }
    });
  }
});
