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
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new TypeError(`Invalid URL: unsupported protocol ${target.protocol}`));
  const policy = init.policy ?? modelHostPolicy();
  const limit = init.maxResponseBytes ?? env().RATCHET_MAX_MODEL_RESPONSE_BYTES;
  const port = target.port ? Number(target.port) : target.protocol === "https:" ? 443 : 80;
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const exempt = isAppDemoUrl(target, policy);
  const refusal = findUrlRefusal(url, policy) ?? (exempt || ipaddr.isValid(hostname) ? null : findHostNameRefusal(hostname, port, policy));
  if (refusal) return Promise.reject(new ModelHostRefusedError(refusal));
  const headers = init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
  // Address literals are never looked up (Node connects to them directly): findUrlRefusal checked them above.
  const lookup = exempt ? undefined : guardedLookup(policy, port);
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: init.method, headers, agent: agents[target.protocol as "http:" | "https:"], signal: init.signal, lookup }, (response) => {
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
