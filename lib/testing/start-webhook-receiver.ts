import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { listenOnLoopback } from "./listen-on-loopback";

// A real HTTP receiver for webhook deliveries on 127.0.0.1: records each POST's
// path, headers and raw body, and answers each path with the status its rule gives
// (default 200), so a test can make one hook fail and another succeed.

export type ReceivedDelivery = { path: string; headers: Record<string, string>; body: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedDelivery[];
  /** The status for the n-th request (0-based) to a path; default 200. */
  answerWith(path: string, statusFor: (attempt: number) => number): void;
  /** Resolves once `predicate` holds for the received deliveries (checked on each arrival). */
  waitFor(predicate: (received: ReceivedDelivery[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const rules = new Map<string, (attempt: number) => number>();
  const attempts = new Map<string, number>();
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const attempt = attempts.get(path) ?? 0;
      attempts.set(path, attempt + 1);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      received.push({ path, headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = rules.get(path)?.(attempt) ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "failing on purpose");
      for (const wake of waiters) wake();
    });
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answerWith(path, statusFor) {
      rules.set(path, statusFor);
    },
    waitFor(predicate, timeoutMs = 60_000) {
      if (predicate(received)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the receiver did not get the expected deliveries within ${timeoutMs} ms (got ${received.length}: ${received.map((r) => `${r.path} ${r.headers["x-ratchet-event"]}`).join(", ")})`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
