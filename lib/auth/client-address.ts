import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyAddr from "proxy-addr";

/**
 * The TCP peer's address, set on every request by Ratchet's own web server
 * (scripts/serve-next.mjs), which overwrites whatever a client sent under this
 * name. Next's route handlers see no socket, and Next passes a client's
 * X-Forwarded-For through untouched, so this header is the only trustworthy source.
 */
export const PEER_ADDRESS_HEADER = "x-ratchet-peer-address";

export type TrustProxy = (address: string, hop: number) => boolean;

/** A trust function for proxy-addr from RATCHET_TRUSTED_PROXIES' list (empty: trust nobody). */
export function compileTrustedProxies(list: readonly string[]): TrustProxy {
  return proxyAddr.compile([...list]);
}

/**
 * The client's address: the TCP peer, unless that peer is a trusted proxy;
 * then the right-most X-Forwarded-For hop that is not a trusted proxy (the
 * hops left of it were written by the client and prove nothing). Null when
 * the request did not come through Ratchet's server (no peer header).
 */
export function clientAddress(headers: Headers, trust: TrustProxy): string | null {
  const peer = normalizeAddress(headers.get(PEER_ADDRESS_HEADER) ?? "");
  if (!peer) return null;
  const forwardedFor = headers.get("x-forwarded-for");
  const req = { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {}, socket: { remoteAddress: peer } };
  const address = normalizeAddress(proxyAddr(req as unknown as IncomingMessage, trust));
  // A trusted proxy forwarding a hop that is no address: keep the last address we can vouch for.
  return address ?? peer;
}

/** An IP address in one spelling (IPv4-mapped IPv6 as IPv4), or null when it is none. */
export function normalizeAddress(value: string): string | null {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const address = mapped ? mapped[1]! : trimmed;
  return isIP(address) ? address.toLowerCase() : null;
}
