import http from "node:http";
import https from "node:https";

// A lean HTTP client for model calls: node:http with keep-alive agents. The
// global fetch (undici) costs several times more CPU per small request, which
// bounded replay throughput on a busy machine (bench:replay).

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export type RawHttpResponse = { status: number; text: string };

/** Sends one request and reads the whole answer as text; rejects with Node's network errors (code ECONNRESET, …) or the signal's reason. */
export function sendHttp(url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }): Promise<RawHttpResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new TypeError(`Invalid URL: unsupported protocol ${target.protocol}`));
  const headers = init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: init.method, headers, agent: agents[target.protocol as "http:" | "https:"], signal: init.signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}
