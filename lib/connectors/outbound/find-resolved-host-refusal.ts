import dns from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { findAddressRefusal, findUrlRefusal, isAppDemoUrl, isListedHostName } from "./find-model-host-refusal";
import type { ModelHostPolicy } from "./parse-model-host-policy";

/** Why the policy refuses the addresses a host name resolved to (the first refused one), or null. */
export function findResolvedRefusal(hostname: string, addresses: readonly string[], port: number, policy: ModelHostPolicy): string | null {
  const listedByName = isListedHostName(hostname, policy);
  for (const address of addresses) {
    const refusal = findAddressRefusal(address, port, policy, { listedByName });
    if (refusal) return `${hostname} resolves to ${refusal}`;
  }
  return null;
}

/**
 * The URL checked as a call would be, name resolution included (DNS only: no
 * connection is opened), for the 422 of Test connection. A name that does
 * not resolve is not refused here: the call reports it.
 */
export async function findResolvedUrlRefusal(text: string, policy: ModelHostPolicy): Promise<string | null> {
  const refusal = findUrlRefusal(text, policy);
  if (refusal) return refusal;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isAppDemoUrl(url, policy) || ipaddr.isValid(hostname)) return null;
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  try {
    const addresses = await dns.lookup(hostname, { all: true });
    return findResolvedRefusal(hostname, addresses.map((a) => a.address), port, policy);
  } catch {
    return null;
  }
}
