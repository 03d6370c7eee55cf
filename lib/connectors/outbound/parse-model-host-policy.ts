import ipaddr from "ipaddr.js";

// RATCHET_MODEL_HOSTS: where connectors may send requests.
//   default  loopback, private and public addresses; never link-local, cloud
//            metadata endpoints or the app's own database (host:port)
//   public   public addresses only (shared installs)
//   a list   only these hosts and CIDRs, e.g. "models.internal,10.20.0.0/16,127.0.0.1"
// The app's own demo model route (/api/demo/… on the app's origin) is allowed
// in every mode: it is part of the app.

export type HostRule = { kind: "host"; name: string } | { kind: "cidr"; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

export type ModelHostPolicy = {
  mode: "default" | "public" | "list";
  /** The list's entries (mode "list" only). */
  rules: HostRule[];
  /** The app's own database, refused in every mode: its host name and address literal (lower case) and port. */
  database?: { host: string; port: number };
  /** Origins of the app itself, whose /api/demo/ routes stay callable. */
  appOrigins: string[];
};

/** The policy text as rules; throws with the offending entry when an entry is neither a host name, an address nor a CIDR. */
export function parseModelHostPolicy(text: string, context: { databaseUrl?: string; appOrigins?: string[] } = {}): ModelHostPolicy {
  const trimmed = text.trim().toLowerCase();
  const base = { database: databaseEndpoint(context.databaseUrl), appOrigins: context.appOrigins ?? [] };
  if (trimmed === "default" || trimmed === "") return { mode: "default", rules: [], ...base };
  if (trimmed === "public") return { mode: "public", rules: [], ...base };
  const rules = trimmed
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): HostRule => {
      if (entry.includes("/")) {
        try {
          return { kind: "cidr", range: ipaddr.parseCIDR(entry) };
        } catch {
          throw new Error(`RATCHET_MODEL_HOSTS: "${entry}" is not a CIDR range`);
        }
      }
      const literal = entry.replace(/^\[(.*)\]$/, "$1");
      if (ipaddr.isValid(literal)) {
        const address = normaliseAddress(ipaddr.parse(literal));
        return { kind: "cidr", range: [address, address.kind() === "ipv4" ? 32 : 128] };
      }
      if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) {
        throw new Error(`RATCHET_MODEL_HOSTS: "${entry}" is neither default, public, a host name, an address nor a CIDR range`);
      }
      return { kind: "host", name: entry.replace(/\.$/, "") };
    });
  return { mode: "list", rules, ...base };
}

/** An address as checked: IPv4-mapped IPv6 as IPv4, the unspecified address (0.0.0.0, ::) as loopback (connecting to it reaches this machine). */
export function normaliseAddress(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  const plain = address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
  if (plain.range() === "unspecified") return plain.kind() === "ipv4" ? ipaddr.parse("127.0.0.1") : ipaddr.parse("::1");
  return plain;
}

function databaseEndpoint(databaseUrl: string | undefined): ModelHostPolicy["database"] {
  if (!databaseUrl) return undefined;
  try {
    const url = new URL(databaseUrl);
    return { host: url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase() || "localhost", port: url.port ? Number(url.port) : 5432 };
  } catch {
    return undefined;
  }
}

