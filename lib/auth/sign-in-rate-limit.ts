import "server-only";
import { prisma } from "@/lib/db/prisma";

// Failed sign-ins are counted per account and per IP in fixed windows stored in
// PostgreSQL (so every web instance sees the same counts). A window expires on
// its own: the legitimate user waits at most WINDOW_SECONDS, never forever.
export const SIGN_IN_LIMITS = { windowSeconds: 15 * 60, perAccount: 8, perIp: 40 } as const;

function keys(ip: string | null, email: string | null): { key: string; max: number }[] {
  const out: { key: string; max: number }[] = [];
  if (email) out.push({ key: `sign-in:account:${email.toLowerCase()}`, max: SIGN_IN_LIMITS.perAccount });
  if (ip) out.push({ key: `sign-in:ip:${ip}`, max: SIGN_IN_LIMITS.perIp });
  return out;
}

/** Seconds to wait when the account or the IP used up its failures in the current window; 0 when free. */
export async function signInRetryAfter(ip: string | null, email: string | null): Promise<number> {
  const limits = keys(ip, email);
  if (!limits.length) return 0;
  const rows = await prisma().rateLimit.findMany({ where: { key: { in: limits.map((l) => l.key) } } });
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    const max = limits.find((l) => l.key === row.key)!.max;
    const endsAt = row.windowStart.getTime() + SIGN_IN_LIMITS.windowSeconds * 1000;
    if (endsAt > now && row.count >= max) wait = Math.max(wait, Math.ceil((endsAt - now) / 1000));
  }
  return wait;
}

export async function recordFailedSignIn(ip: string | null, email: string | null): Promise<void> {
  const seconds = SIGN_IN_LIMITS.windowSeconds;
  for (const { key } of keys(ip, email)) {
    await prisma().$executeRaw`
      INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${seconds}) THEN 1 ELSE rate_limits.count + 1 END,
        window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${seconds}) THEN now() ELSE rate_limits.window_start END`;
  }
}

/** A successful sign-in forgets the account's failures (the IP's stay). */
export async function clearAccountFailures(email: string): Promise<void> {
  await prisma().rateLimit.deleteMany({ where: { key: `sign-in:account:${email.toLowerCase()}` } });
}
