import { env } from "@/lib/env";
import { clientAddress, compileTrustedProxies, type TrustProxy } from "./client-address";

let trusted: TrustProxy | undefined;

/** The caller's IP (lib/auth/client-address.ts: the TCP peer, or behind RATCHET_TRUSTED_PROXIES the right-most untrusted hop) and user agent, for audit events and rate limits. */
export function requestOrigin(headers: Headers): { ip: string | null; userAgent: string | null } {
  trusted ??= compileTrustedProxies(env().RATCHET_TRUSTED_PROXIES);
  return { ip: clientAddress(headers, trusted), userAgent: headers.get("user-agent") };
}
