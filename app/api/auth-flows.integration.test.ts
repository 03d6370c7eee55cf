import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD, createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { POST as setup } from "@/app/api/setup/route";
import { POST as acceptInvite } from "@/app/api/invites/accept/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[tokenId]/route";
import { POST as createInvite } from "@/app/api/v1/invites/route";
import { PATCH as updateUser } from "@/app/api/v1/users/[userId]/route";
import { GET as listAuditEvents } from "@/app/api/v1/audit-events/route";

const authCall = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(handleAuthRequest as Parameters<typeof callRoute>[0], { method: "POST", path: `/api/auth${path}`, body, headers });

describe("first-admin setup", () => {
  it("makes the first account admin, signs it in, and refuses a second setup", async () => {
    const first = await callRoute(setup, { method: "POST", path: "/api/setup", body: { name: "Ada", email: "Ada@Example.com", password: "long-enough-pw" } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ email: "ada@example.com", role: "admin" });
    expect(first.headers.get("set-cookie")).toMatch(/session_token=.*HttpOnly/i);
    expect(first.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const second = await callRoute(setup, { method: "POST", path: "/api/setup", body: { name: "Eve", email: "eve@example.com", password: "long-enough-pw" } });
    expect(second.status).toBe(409);
    expect(await prisma().user.count()).toBe(1);
    expect(await prisma().auditEvent.count({ where: { action: "user.create_first_admin" } })).toBe(1);
  });

  it("rejects a short password with the field path, writing nothing", async () => {
    await prisma().user.deleteMany();
    const res = await callRoute(setup, { method: "POST", path: "/api/setup", body: { name: "Ada", email: "ada@example.com", password: "short" } });
    expect(res.status).toBe(422);
    expect(res.json.error?.fields).toEqual([{ path: "body.password", message: expect.stringContaining("at least 10") }]);
    expect(await prisma().user.count()).toBe(0);
  });
});

describe("sign-up, sign-in and invites", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createTestUser("admin", "boss@test.local");
  });

  it("closes open sign-up over HTTP", async () => {
    const res = await authCall("/sign-up/email", { name: "X", email: "x@test.local", password: "long-enough-pw" });
    expect(res.status).toBe(403);
    expect(await prisma().user.count({ where: { email: "x@test.local" } })).toBe(0);
  });

  it("accepts an invite once, with the invite's role, and records who and when", async () => {
    const created = await callRoute(createInvite, { method: "POST", body: { email: "new.tester@test.local", role: "tester" }, headers: { cookie: admin.cookie } });
    expect(created.status).toBe(201);
    const token = String(created.json.url).split("/invite/")[1]!;
    const stored = await prisma().invite.findFirstOrThrow({ where: { email: "new.tester@test.local" } });
    expect(stored.tokenHash).not.toContain(token);

    const accepted = await callRoute(acceptInvite, { method: "POST", body: { token, name: "Tess", password: "tester-password" }, headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9" } });
    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({ email: "new.tester@test.local", role: "tester" });
    const again = await callRoute(acceptInvite, { method: "POST", body: { token, name: "Tess", password: "tester-password" } });
    expect(again.status).toBe(422);
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: "invite.accept" } });
    expect(event.ip).toBe("203.0.113.9");
  });

  it("refuses an expired invite", async () => {
    const created = await callRoute(createInvite, { method: "POST", body: { email: "late@test.local", role: "engineer" }, headers: { cookie: admin.cookie } });
    const token = String(created.json.url).split("/invite/")[1]!;
    await prisma().invite.updateMany({ where: { email: "late@test.local" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await callRoute(acceptInvite, { method: "POST", body: { token, name: "Late", password: "long-enough-pw" } });
    expect(res.status).toBe(404);
  });

  it("limits failed sign-ins per account and IP with 429 and Retry-After, then lets the user in after the window", async () => {
    const victim = await createTestUser("engineer", "victim@test.local");
    const attacker = { [PEER_ADDRESS_HEADER]: "198.51.100.7" };
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp; i++) {
      const res = await authCall("/sign-in/email", { email: victim.email, password: "wrong-password" }, attacker);
      expect(res.status).toBe(401);
    }
    const blocked = await authCall("/sign-in/email", { email: victim.email, password: TEST_PASSWORD }, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowSeconds);

    // The window passes: that IP may try again.
    await prisma().rateLimit.updateMany({ data: { windowStart: new Date(Date.now() - (SIGN_IN_LIMITS.windowSeconds + 1) * 1000) } });
    const ok = await authCall("/sign-in/email", { email: victim.email, password: TEST_PASSWORD }, attacker);
    expect(ok.status).toBe(200);
    expect(await prisma().auditEvent.count({ where: { action: "auth.sign_in", actorId: victim.id } })).toBe(1);
    expect(await prisma().auditEvent.count({ where: { action: "auth.sign_in_failed", ip: "198.51.100.7" } })).toBe(SIGN_IN_LIMITS.perAccountAndIp);
  });

  it("limits failed sign-ins per IP across accounts", async () => {
    await prisma().rateLimit.deleteMany();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await authCall("/sign-in/email", { email: `nobody${i}@test.local`, password: "wrong-password" }, { [PEER_ADDRESS_HEADER]: "192.0.2.77" });
    }
    const res = await authCall("/sign-in/email", { email: admin.email, password: TEST_PASSWORD }, { [PEER_ADDRESS_HEADER]: "192.0.2.77" });
    expect(res.status).toBe(429);
    const elsewhere = await authCall("/sign-in/email", { email: admin.email, password: TEST_PASSWORD }, { [PEER_ADDRESS_HEADER]: "192.0.2.78" });
    expect(elsewhere.status).toBe(200);
  });

  it("never demotes or disables the last admin, and records role changes", async () => {
    await prisma().user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { role: "engineer" } });
    const demote = await callRoute(updateUser, { method: "PATCH", params: { userId: admin.id }, body: { role: "stakeholder" }, headers: { cookie: admin.cookie } });
    expect(demote.status).toBe(409);
    const other = await createTestUser("engineer");
    const promote = await callRoute(updateUser, { method: "PATCH", params: { userId: other.id }, body: { role: "admin" }, headers: { cookie: admin.cookie } });
    expect(promote.status).toBe(200);
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: "user.role_change", entityId: other.id } });
    expect(event.data).toEqual({ from: "engineer", to: "admin" });
    expect(event.actorId).toBe(admin.id);
  });
});

describe("API tokens", () => {
  let owner: TestUser;
  const logged: string[] = [];
  beforeAll(async () => {
    owner = await createTestUser("engineer");
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
  });
  afterEach(() => undefined);

  it("is shown once, stored as a hash, works as Bearer, and its secret appears in no later response or log", async () => {
    const created = await callRoute(createToken, { method: "POST", body: { name: "ci", scopes: ["read", "gate"] }, headers: { cookie: owner.cookie } });
    expect(created.status).toBe(201);
    const secret = String(created.json.secret);
    expect(secret).toMatch(/^rt_[A-Za-z0-9_-]{40,}$/);

    const row = await prisma().apiToken.findUniqueOrThrow({ where: { id: String(created.json.id) } });
    expect(JSON.stringify(row)).not.toContain(secret);

    const who = await callRoute(me, { headers: { authorization: `Bearer ${secret}` } });
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ user: { id: owner.id, role: "engineer" }, token: { scopes: ["read", "gate"] } });

    const list = await callRoute(listTokens, { headers: { cookie: owner.cookie } });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(secret);
    expect(list.json.items).toEqual([expect.objectContaining({ name: "ci", state: "active", lastUsedAt: expect.any(String) })]);

    const audit = await prisma().auditEvent.findMany({ where: { action: "token.create" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(secret);
    expect(logged.join("\n")).not.toContain(secret);
  });

  it("is refused once revoked", async () => {
    const token = await createTestToken(owner, ["read"]);
    expect((await callRoute(me, { headers: { authorization: `Bearer ${token.secret}` } })).status).toBe(200);
    const revoked = await callRoute(revokeToken, { method: "DELETE", params: { tokenId: token.id }, headers: { cookie: owner.cookie } });
    expect(revoked.status).toBe(204);
    const after = await callRoute(me, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(after.status).toBe(401);
    expect(after.text).not.toContain(token.secret);
    expect(await prisma().auditEvent.count({ where: { action: "token.revoke", entityId: token.id } })).toBe(1);
  });

  it("is refused once expired, and a made-up or malformed token is refused", async () => {
    const token = await createTestToken(owner, ["read"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await callRoute(me, { headers: { authorization: `Bearer ${token.secret}` } })).status).toBe(401);
    expect((await callRoute(me, { headers: { authorization: "Bearer rt_madeup" } })).status).toBe(401);
    expect((await callRoute(me, { headers: { authorization: "Basic Zm9vOmJhcg==" } })).status).toBe(401);
  });

  it("cannot revoke someone else's token unless admin", async () => {
    const stranger = await createTestUser("tester");
    const token = await createTestToken(owner, ["read"]);
    expect((await callRoute(revokeToken, { method: "DELETE", params: { tokenId: token.id }, headers: { cookie: stranger.cookie } })).status).toBe(404);
    expect((await prisma().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
  });

  it("rejects bad input with field paths", async () => {
    const res = await callRoute(createToken, { method: "POST", body: { name: "", scopes: ["root"] }, headers: { cookie: owner.cookie } });
    expect(res.status).toBe(422);
    expect(res.json.error?.fields?.map((f) => f.path).sort()).toEqual(["body.name", "body.scopes.0"]);
    const malformed = await callRoute(createToken, { method: "POST", body: "{not json", headers: { cookie: owner.cookie } });
    expect(malformed.status).toBe(400);
  });

  it("lets an admin read the audit trail, newest first", async () => {
    const admin = await createTestUser("admin");
    const res = await callRoute(listAuditEvents, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const items = res.json.items as { id: string; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(Number(items[0]!.id)).toBeGreaterThan(Number(items[items.length - 1]!.id));
  });
});

describe("change password", () => {
  it("needs the current password, then the old one stops working and the change is audited", async () => {
    const user = await createTestUser("tester");
    const wrong = await authCall("/change-password", { currentPassword: "not-my-password", newPassword: "a-brand-new-password" }, { cookie: user.cookie });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);

    const changed = await authCall("/change-password", { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password", revokeOtherSessions: true }, { cookie: user.cookie });
    expect(changed.status, changed.text).toBe(200);
    expect(await prisma().auditEvent.count({ where: { action: "auth.change_password", actorId: user.id } })).toBe(1);

    const old = await authCall("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, { [PEER_ADDRESS_HEADER]: "203.0.113.50" });
    expect(old.status).toBe(401);
    const fresh = await authCall("/sign-in/email", { email: user.email, password: "a-brand-new-password" }, { [PEER_ADDRESS_HEADER]: "203.0.113.50" });
    expect(fresh.status).toBe(200);
  });

  it("refuses a new password shorter than the minimum", async () => {
    const user = await createTestUser("engineer");
    const res = await authCall("/change-password", { currentPassword: TEST_PASSWORD, newPassword: "short" }, { cookie: user.cookie });
    expect(res.status).toBe(400);
    const still = await authCall("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, { [PEER_ADDRESS_HEADER]: "203.0.113.51" });
    expect(still.status).toBe(200);
  });
});
