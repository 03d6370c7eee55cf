import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { TokenScope } from "@/lib/db/generated/enums";
import { callRoute } from "@/lib/testing/call-route";
import { discoverApiRoutes, type DiscoveredRoute } from "@/lib/testing/discover-api-routes";
import { ROLES, createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// The role × route matrix, generated from the permission table and the route
// files on disk: a route without a permission entry fails here.

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
  it("was found on disk", () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
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
