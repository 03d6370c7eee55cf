import "server-only";
import { prisma } from "@/lib/db/prisma";

// Failed sign-ins are counted in fixed windows stored in PostgreSQL (so every
// web instance sees the same counts); a window expires on its own. Three counts:
// - per (account, IP), the short limit: guessing one password from one place;
// - per IP, across accounts: one place trying many accounts;
// - per account, from everywhere, at a much higher threshold: a distributed guess.
//   It only blocks IPs that have failed on this account themselves, so nobody can
//   lock the owner out: an IP with no failures of its own is never refused.
export const SIGN_IN_LIMITS = { windowSeconds: 15 * 60, perAccountAndIp: 8, perIp: 40, perAccount: 100 } as const;

// Requests without a known address (not served by Ratchet's server) share one bucket.
const UNKNOWN_IP = "unknown";

function keysOf(ip: string | null, email: string | null) {
  const address = ip ?? UNKNOWN_IP;
  return {
    pair: email ? `sign-in:account-ip:${email.toLowerCase()}|${address}` : null,
    ip: ip ? `sign-in:ip:${ip}` : null,
    account: email ? `sign-in:account:${email.toLowerCase()}` : null,
  };
}

/** Seconds to wait before this IP may try this account again; 0 when free. */
export async function signInRetryAfter(ip: string | null, email: string | null): Promise<number> {
  const keys = keysOf(ip, email);
  const wanted = [keys.pair, keys.ip, keys.account].filter((k): k is string => k !== null);
  if (!wanted.length) return 0;
  const now = Date.now();
  const current = new Map<string, { count: number; endsAt: number }>();
  for (const row of await prisma().rateLimit.findMany({ where: { key: { in: wanted } } })) {
    const endsAt = row.windowStart.getTime() + SIGN_IN_LIMITS.windowSeconds * 1000;
    if (endsAt > now) current.set(row.key, { count: row.count, endsAt });
  }
  const pair = keys.pair ? current.get(keys.pair) : undefined;
  const byIp = keys.ip ? current.get(keys.ip) : undefined;
  const byAccount = keys.account ? current.get(keys.account) : undefined;
  const blockers = [
    pair && pair.count >= SIGN_IN_LIMITS.perAccountAndIp ? pair : undefined,
    byIp && byIp.count >= SIGN_IN_LIMITS.perIp ? byIp : undefined,
    byAccount && byAccount.count >= SIGN_IN_LIMITS.perAccount && pair && pair.count > 0 ? byAccount : undefined,
  ];
  return Math.max(0, ...blockers.map((b) => (b ? Math.ceil((b.endsAt - now) / 1000) : 0)));
}

export async function recordFailedSignIn(ip: string | null, email: string | null): Promise<void> {
  const seconds = SIGN_IN_LIMITS.windowSeconds;
  const keys = keysOf(ip, email);
  for (const key of [keys.pair, keys.ip, keys.account]) {
    if (!key) continue;
    await prisma().$executeRaw`
      INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${seconds}) THEN 1 ELSE rate_limits.count + 1 END,
        window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${seconds}) THEN now() ELSE rate_limits.window_start END`;
  }
}

/** A successful sign-in forgets this IP's failures on the account (the IP's and the account's totals stay). */
export async function clearFailuresOfAccountAtIp(email: string, ip: string | null): Promise<void> {
  const { pair } = keysOf(ip, email);
  if (pair) await prisma().rateLimit.deleteMany({ where: { key: pair } });
}
