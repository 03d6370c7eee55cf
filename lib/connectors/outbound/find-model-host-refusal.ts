import ipaddr from "ipaddr.js";
import { normaliseAddress, type ModelHostPolicy } from "./parse-model-host-policy";

// The checks of the outbound policy (model-host-policy.ts), pure: a URL before
// any connection, and each address a host name resolves to, right before the
// socket connects to it (send-http.ts), so DNS cannot answer differently
// between the check and the connection.

/** Cloud metadata endpoints: refused in every mode unless a list names them by CIDR. */
const METADATA_ADDRESSES = ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "168.63.129.16"].map((a) => ipaddr.parse(a).toString());
const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal"]);

/** ipaddr.js ranges allowed in the default mode (everything else: link-local, multicast, broadcast, reserved, translation prefixes… is refused). */
const DEFAULT_RANGES = new Set(["unicast", "private", "loopback", "uniqueLocal", "carrierGradeNat"]);

const policyName = (policy: ModelHostPolicy) => `RATCHET_MODEL_HOSTS=${policy.mode === "list" ? "<list>" : policy.mode}`;

/** Whether the URL is the app's own demo model route (allowed in every mode). */
export function isAppDemoUrl(url: URL, policy: ModelHostPolicy): boolean {
  return policy.appOrigins.includes(url.origin) && url.pathname.startsWith("/api/demo/") && !url.username && !url.password;
}

/** Why the policy refuses this URL before any connection (scheme, credentials, a refused host name or address literal), or null. */
export function findUrlRefusal(text: string, policy: ModelHostPolicy): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null; // Not checkable yet (a template); the connection-time check still applies.
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https URLs are allowed, not ${url.protocol}`;
  if (url.username || url.password) return "credentials in the URL (user:password@) are refused: put them in a connector secret";
  if (isAppDemoUrl(url, policy)) return null;
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase().replace(/\.$/, "");
  if (ipaddr.isValid(host)) return findAddressRefusal(host, port, policy);
  return findHostNameRefusal(host, port, policy);
}

/** Why the policy refuses a host name before it is resolved (metadata names, the database's host name, a list without it), or null. */
export function findHostNameRefusal(name: string, port: number, policy: ModelHostPolicy): string | null {
  const host = name.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) return `${host} is a cloud metadata endpoint (${policyName(policy)})`;
  const loopbackName = host === "localhost" || host.endsWith(".localhost");
  if (policy.database && policy.database.port === port && (policy.database.host === host || (loopbackName && isDatabase(ipaddr.parse("127.0.0.1"), port, policy)))) {
    return `${host}:${port} is the app's own database (${policyName(policy)})`;
  }
  if (policy.mode === "public" && loopbackName) return `${host} is a loopback address (${policyName(policy)})`;
  return null;
}

/** Whether the list names this host by name (its addresses then need no CIDR rule). */
export function isListedHostName(name: string, policy: ModelHostPolicy): boolean {
  const host = name.toLowerCase().replace(/\.$/, "");
  return policy.rules.some((rule) => rule.kind === "host" && rule.name === host);
}

/**
 * Why the policy refuses connecting to this address and port, or null. The
 * address is normalised first (IPv4-mapped IPv6 → IPv4, 0.0.0.0 and :: → loopback).
 * `listedByName`: the URL's host name is on the list (mode "list").
 */
export function findAddressRefusal(literal: string, port: number, policy: ModelHostPolicy, options: { listedByName?: boolean } = {}): string | null {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = normaliseAddress(ipaddr.parse(literal.replace(/^\[(.*)\]$/, "$1")));
  } catch {
    return `${literal} is not an IP address`;
  }
  const shown = address.toString();
  const range = address.range();
  const refuse = (why: string) => `${shown} ${why} (${policyName(policy)})`;
  if (isDatabase(address, port, policy)) return refuse(`port ${port} is the app's own database`);

  if (policy.mode === "list") {
    const inCidr = policy.rules.some((rule) => rule.kind === "cidr" && rule.range[0].kind() === address.kind() && address.match(rule.range));
    if (inCidr) return null;
    if (METADATA_ADDRESSES.includes(shown)) return refuse("is a cloud metadata endpoint");
    if (range === "linkLocal") return refuse("is a link-local address");
    return options.listedByName ? null : refuse("is not on the list of allowed model hosts");
  }
  if (METADATA_ADDRESSES.includes(shown)) return refuse("is a cloud metadata endpoint");
  if (range === "linkLocal") return refuse("is a link-local address");
  if (policy.mode === "public") return range === "unicast" ? null : refuse(`is not a public address (${range})`);
  return DEFAULT_RANGES.has(range) ? null : refuse(`is a ${range} address`);
}

function isDatabase(address: ipaddr.IPv4 | ipaddr.IPv6, port: number, policy: ModelHostPolicy): boolean {
  const database = policy.database;
  if (!database || database.port !== port) return false;
  const databaseAddress = ipaddr.isValid(database.host) ? normaliseAddress(ipaddr.parse(database.host)) : undefined;
  const databaseIsLocal = database.host === "localhost" || databaseAddress?.range() === "loopback";
  // A database on this machine is reached through any loopback address.
  if (databaseIsLocal && address.range() === "loopback") return true;
  return databaseAddress?.toString() === address.toString();
}
