import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

// lib/env.ts reads the environment once per module graph, and vitest gives each file its own.
const previous = process.env.RATCHET_TRUSTED_PROXIES;
process.env.RATCHET_TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.1";
afterAll(() => {
  if (previous === undefined) delete process.env.RATCHET_TRUSTED_PROXIES;
  else process.env.RATCHET_TRUSTED_PROXIES = previous;
});

const failSignIn = (headers: Record<string, string>) =>
  callRoute(handleAuthRequest as Parameters<typeof callRoute>[0], { method: "POST", path: "/api/auth/sign-in/email", body: { email: "nobody@test.local", password: "wrong-password" }, headers });

describe("with RATCHET_TRUSTED_PROXIES", () => {
  it("takes the right-most X-Forwarded-For hop that is not a trusted proxy, only from a trusted peer", async () => {
    await failSignIn({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "198.51.100.1, 203.0.113.7, 127.0.0.1" });
    await failSignIn({ [PEER_ADDRESS_HEADER]: "192.0.2.9", "x-forwarded-for": "203.0.113.8" });
    const events = await prisma().auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" }, select: { ip: true } });
    expect(events.map((e) => e.ip)).toEqual(["203.0.113.7", "192.0.2.9"]);
    expect((await prisma().rateLimit.findMany({ where: { key: { startsWith: "sign-in:ip:" } }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "sign-in:ip:192.0.2.9",
      "sign-in:ip:203.0.113.7",
    ]);
  });
});
