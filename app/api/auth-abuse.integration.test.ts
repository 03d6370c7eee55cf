import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/test-actors";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";
import { SIGN_IN_LIMITS, recordFailedSignIn } from "@/lib/auth/sign-in-rate-limit";
import { UNAUTHENTICATED_MAX_BODY_BYTES } from "@/lib/http/read-bounded-body";
import { POST as setup } from "@/app/api/setup/route";
import { POST as acceptInvite } from "@/app/api/invites/accept/route";
import { PATCH as updateUser } from "@/app/api/v1/users/[userId]/route";
import { GET as me } from "@/app/api/v1/me/route";

type Handler = Parameters<typeof callRoute>[0];
const authCall = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(handleAuthRequest as Handler, { method: "POST", path: `/api/auth${path}`, body, headers });
const from = (ip: string, extra: Record<string, string> = {}) => ({ [PEER_ADDRESS_HEADER]: ip, ...extra });

/** A body that is produced only as it is read, counting what the server pulled. */
function countedStream(totalBytes: number, chunkBytes = 16 * 1024) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= totalBytes) return controller.close();
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const bodyRoutes: [string, Handler, string][] = [
  ["better-auth's sign-in", handleAuthRequest as Handler, "/api/auth/sign-in/email"],
  ["better-auth's change-password", handleAuthRequest as Handler, "/api/auth/change-password"],
  ["first-admin setup", setup, "/api/setup"],
  ["invite acceptance", acceptInvite, "/api/invites/accept"],
];

describe("unauthenticated request bodies are bounded", () => {
  it.each(bodyRoutes)("%s: a streamed (chunked) body over the limit is refused with 413 after reading little more than the limit", async (_name, handler, path) => {
    const { stream, state } = countedStream(8 * 1024 * 1024);
    const request = new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "payload_too_large", message: `The request body is larger than ${UNAUTHENTICATED_MAX_BODY_BYTES} bytes.` } });
    expect(state.pulled).toBeLessThanOrEqual(UNAUTHENTICATED_MAX_BODY_BYTES + 2 * 16 * 1024);
  });

  it.each(bodyRoutes)("%s: a declared Content-Length over the limit is refused before any byte is read", async (_name, handler, path) => {
    const { stream, state } = countedStream(300 * 1024 * 1024);
    const request = new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(state.pulled).toBe(0);
  });

  it("a body just under the limit is still read (and judged on its content)", async () => {
    const user = await createTestUser("tester");
    const padding = "x".repeat(UNAUTHENTICATED_MAX_BODY_BYTES - 200);
    const res = await authCall("/sign-in/email", { email: user.email, password: TEST_PASSWORD, padding }, from("192.0.2.200"));
    expect(res.status).toBe(200);
  });
});

describe("sign-in limits use the TCP peer, not X-Forwarded-For", () => {
  beforeEach(async () => {
    await prisma().rateLimit.deleteMany();
  });

  it("a client rotating X-Forwarded-For is still limited per IP, and the audit log stores its real address", async () => {
    const admin = await createTestUser("admin");
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      const res = await authCall("/sign-in/email", { email: `nobody${i}@test.local`, password: "wrong-password" }, from("192.0.2.10", { "x-forwarded-for": `203.0.113.${i}` }));
      expect(res.status).toBe(401);
    }
    const blocked = await authCall("/sign-in/email", { email: admin.email, password: TEST_PASSWORD }, from("192.0.2.10", { "x-forwarded-for": "203.0.113.250" }));
    expect(blocked.status).toBe(429);
    const failed = await prisma().auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, select: { ip: true } });
    expect(failed).toHaveLength(SIGN_IN_LIMITS.perIp);
    expect(new Set(failed.map((e) => e.ip))).toEqual(new Set(["192.0.2.10"]));
    expect(await prisma().auditEvent.count({ where: { action: "auth.sign_in_blocked", ip: "192.0.2.10" } })).toBe(1);
  });
});

describe("nobody can lock someone else out", () => {
  beforeEach(async () => {
    await prisma().rateLimit.deleteMany();
  });

  it("failures from one IP block that IP on that account, not the owner signing in from elsewhere", async () => {
    const owner = await createTestUser("admin");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp; i++) {
      expect((await authCall("/sign-in/email", { email: owner.email, password: "wrong-password" }, from("198.51.100.66"))).status).toBe(401);
    }
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("198.51.100.66"))).status).toBe(429);
    const owners = await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("192.0.2.44", { "x-forwarded-for": "203.0.113.99" }));
    expect(owners.status).toBe(200);
    expect(owners.headers.get("set-cookie")).toMatch(/session_token=/);
    // The session records the same address as the limits, not the client's X-Forwarded-For.
    const session = await prisma().session.findFirstOrThrow({ where: { userId: owner.id }, orderBy: { createdAt: "desc" } });
    expect(session.ipAddress).toBe("192.0.2.44");
  });

  it("many IPs together reach the account-wide limit: it blocks those that failed on the account, never a clean IP", async () => {
    const owner = await createTestUser("engineer");
    // A distributed guess: the account-wide count just under its limit, spread so no IP reaches its own.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await recordFailedSignIn(`10.9.${Math.floor(i / 5)}.${i % 5}`, owner.email);
    expect((await authCall("/sign-in/email", { email: owner.email, password: "wrong-password" }, from("10.9.200.1"))).status).toBe(401);
    // The account has had perAccount failures: an IP that took part is refused even with the right password…
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("10.9.200.1"))).status).toBe(429);
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("10.9.0.0"))).status).toBe(429);
    // …while the owner, from an IP with no failures, signs in.
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("192.0.2.45"))).status).toBe(200);
  });

  it("a successful sign-in forgets that IP's failures on the account", async () => {
    const owner = await createTestUser("tester");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp - 1; i++) await authCall("/sign-in/email", { email: owner.email, password: "wrong-password" }, from("192.0.2.46"));
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("192.0.2.46"))).status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp - 1; i++) await authCall("/sign-in/email", { email: owner.email, password: "wrong-password" }, from("192.0.2.46"));
    expect((await authCall("/sign-in/email", { email: owner.email, password: TEST_PASSWORD }, from("192.0.2.46"))).status).toBe(200);
  });
});

describe("disabled users", () => {
  it("are refused at sign-in with the right password, and get no session", async () => {
    const user = await createTestUser("engineer");
    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await prisma().session.deleteMany({ where: { userId: user.id } });
    const res = await authCall("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, from("192.0.2.60"));
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: "account_disabled", message: expect.stringContaining("disabled") });
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]/);
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma().auditEvent.count({ where: { action: "auth.sign_in_disabled", entityId: user.id, ip: "192.0.2.60" } })).toBe(1);
    // A wrong password for a disabled account says no more than for any account.
    const wrong = await authCall("/sign-in/email", { email: user.email, password: "wrong-password" }, from("192.0.2.60"));
    expect(wrong.status).toBe(401);
  });

  it("lose their sessions when an admin disables them, so the cookie stops working everywhere", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("tester");
    expect((await callRoute(me, { headers: { cookie: user.cookie } })).status).toBe(200);
    const disabled = await callRoute(updateUser, { method: "PATCH", params: { userId: user.id }, body: { disabled: true }, headers: { cookie: admin.cookie } });
    expect(disabled.status).toBe(200);
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await callRoute(me, { headers: { cookie: user.cookie } })).status).toBe(401);
    const rename = await authCall("/update-user", { name: "Renamed" }, { cookie: user.cookie });
    expect(rename.status).toBe(401);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Test tester");
  });

  it("cannot use a session that outlived the disabling for better-auth's own endpoints (password, name)", async () => {
    const user = await createTestUser("engineer");
    // A session left over (e.g. created in the instant the account was disabled).
    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(1);
    // Ratchet's own routes refuse it too (the session's user is read with it, disabledAt included).
    expect((await callRoute(me, { headers: { cookie: user.cookie } })).status).toBe(401);
    const rename = await authCall("/update-user", { name: "Renamed" }, { cookie: user.cookie });
    expect(rename.status).toBe(401);
    const change = await authCall("/change-password", { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" }, { cookie: user.cookie });
    expect(change.status).toBe(401);
    const row = await prisma().user.findUniqueOrThrow({ where: { id: user.id }, include: { accounts: true } });
    expect(row.name).toBe("Test engineer");
    // The refused session is revoked on the spot.
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
    // The password did not change: enabled again, the old one works.
    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect((await authCall("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, from("192.0.2.61"))).status).toBe(200);
  });
});
