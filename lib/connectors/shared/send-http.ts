import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { findHostNameRefusal, findUrlRefusal, isAppDemoUrl } from "../outbound/find-model-host-refusal";
import { findResolvedRefusal } from "../outbound/find-resolved-host-refusal";
import { modelHostPolicy } from "../outbound/model-host-policy";
import type { ModelHostPolicy } from "../outbound/parse-model-host-policy";

// A lean HTTP client for model calls: node:http with keep-alive agents. The
// global fetch (undici) costs several times more CPU per small request, which
// bounded replay throughput on a busy machine (bench:replay).
// Every connector kind that calls a URL comes through here, so this is where
// the outbound policy (RATCHET_MODEL_HOSTS) and the answer size cap hold.

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export type RawHttpResponse = { status: number; text: string };

/** The outbound policy refused the URL or an address its host resolved to. */
export class ModelHostRefusedError extends Error {
  readonly code = "ERR_MODEL_HOST_REFUSED";
  constructor(reason: string) {
    super(`refused by the outbound policy: ${reason}`);
    this.name = "ModelHostRefusedError";
  }
}

/** The answer grew past the cap; the socket was dropped. */
export class ModelResponseTooLargeError extends Error {
  readonly code = "ERR_MODEL_RESPONSE_TOO_LARGE";
  constructor(limit: number) {
    super(`response larger than ${formatBytes(limit)}`);
    this.name = "ModelResponseTooLargeError";
  }
}

export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb && bytes % mb === 0) return `${bytes / mb} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/**
 * A dns.lookup that checks every address a name resolves to against the
 * policy, and hands the socket only checked addresses: the connection goes to
 * the address that was checked (no DNS rebinding between check and connect).
 */
function guardedLookup(policy: ModelHostPolicy, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refusal = findResolvedRefusal(hostname, addresses.map((a) => a.address), port, policy);
      if (refusal) return callback(new ModelHostRefusedError(refusal), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export type SendHttpInit = {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Default: RATCHET_MAX_MODEL_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Default: RATCHET_MODEL_HOSTS. */
  policy?: ModelHostPolicy;
};

/**
 * Sends one request and reads the answer as text, at most maxResponseBytes of
 * it; rejects with ModelHostRefusedError, ModelResponseTooLargeError, Node's
 * network errors (code ECONNRESET, …) or the signal's reason. Redirects are
 * not followed (node:http never does).
 */
export function sendHttp(url: string, init: SendHttpInit): Promise<RawHttpResponse> {
  const policy = init.policy ?? modelHostPolicy();
  const checked = checkedTarget(url, policy);
  if ("error" in checked) return Promise.reject(checked.error);
  const { client, options, lookup } = checked;
  const limit = init.maxResponseBytes ?? env().RATCHET_MAX_MODEL_RESPONSE_BYTES;
  const headers = init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
  return new Promise((resolve, reject) => {
    const request = client.request({ ...options, method: init.method, headers, signal: init.signal, lookup }, (response) => {
      const tooLarge = () => {
        // Destroying the response drops the socket: nothing more is read.
        response.destroy();
        request.destroy();
        reject(new ModelResponseTooLargeError(limit));
      };
      if (Number(response.headers["content-length"]) > limit) return tooLarge();
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) return tooLarge();
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

type CheckedTarget =
  | { client: typeof http | typeof https; options: http.RequestOptions; lookup: LookupFunction | undefined }
  | { error: Error };

/** The URL checks by policy, kept per URL: a replay calls the same few URLs thousands of times (bounded; a URL with templated parts may vary). */
const checkedTargets = new WeakMap<ModelHostPolicy, Map<string, CheckedTarget>>();
const MAX_CHECKED_TARGETS = 1_000;

/** The request options of a URL the policy allows (the connection-time address check still runs in its lookup), or why not. */
function checkedTarget(url: string, policy: ModelHostPolicy): CheckedTarget {
  let cache = checkedTargets.get(policy);
  if (!cache) checkedTargets.set(policy, (cache = new Map()));
  let checked = cache.get(url);
  if (!checked) {
    checked = checkTarget(url, policy);
    if (cache.size >= MAX_CHECKED_TARGETS) cache.clear();
    cache.set(url, checked);
  }
  return checked;
}

function checkTarget(url: string, policy: ModelHostPolicy): CheckedTarget {
  let target: URL;
  try {
    target = new URL(url);
  } catch (error) {
    return { error: error as Error };
  }
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return { error: new TypeError(`Invalid URL: unsupported protocol ${target.protocol}`) };
  const port = target.port ? Number(target.port) : target.protocol === "https:" ? 443 : 80;
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const exempt = isAppDemoUrl(target, policy);
  const refusal = findUrlRefusal(url, policy) ?? (exempt || ipaddr.isValid(hostname) ? null : findHostNameRefusal(hostname, port, policy));
  if (refusal) return { error: new ModelHostRefusedError(refusal) };
  return {
    client,
    options: { protocol: target.protocol, hostname, port, path: `${target.pathname}${target.search}`, agent: agents[target.protocol as "http:" | "https:"] },
    // Address literals are never looked up (Node connects to them directly): findUrlRefusal checked them above.
    lookup: exempt ? undefined : guardedLookup(policy, port),
  };
}
