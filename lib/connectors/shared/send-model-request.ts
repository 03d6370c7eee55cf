import type { ConnectorExchange } from "../connector";
import { ModelHostRefusedError, ModelResponseTooLargeError, sendHttp } from "./send-http";
import { redactExchange } from "./redact-exchange";

// The one HTTP path of every HTTP connector kind: JSON out, JSON back, a hard
// timeout, and failures classified as transient (worth a retry) or final.

export type ModelRequest = { method: string; url: string; headers: Record<string, string>; body: unknown };

export type ModelResponse =
  | { ok: true; status: number; body: unknown; latencyMs: number; exchange?: ConnectorExchange }
  | { ok: false; reason: string; transient: boolean; latencyMs: number; exchange?: ConnectorExchange };

export type SendOptions = {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Secret values to mask in the recorded exchange. */
  secretValues?: readonly string[];
  /** false: no exchange record (its redacted copy of both bodies costs CPU on every call); default true. */
  recordExchange?: boolean;
};

/** Node error codes of connections that broke or never opened: the server may well be back soon. */
const TRANSIENT_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body.slice(0, 200) || undefined;
  if (body && typeof body === "object") {
    const error = (body as { error?: unknown }).error;
    if (typeof error === "string") return error.slice(0, 200);
    const message = (error as { message?: unknown } | undefined)?.message ?? (body as { message?: unknown }).message;
    if (typeof message === "string") return message.slice(0, 200);
  }
  return undefined;
}

function classifyThrown(error: unknown, timeoutMs: number, timedOut: boolean, callerAborted: boolean): { reason: string; transient: boolean } {
  if (timedOut) return { reason: `timed out after ${timeoutMs} ms`, transient: true };
  if (callerAborted) return { reason: "cancelled", transient: true };
  if (error instanceof ModelHostRefusedError || error instanceof ModelResponseTooLargeError) return { reason: error.message, transient: false };
  const code = errorCode(error);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return { reason: "connection reset by model server", transient: true };
  if (code === "ECONNREFUSED") return { reason: "connection refused by model server", transient: true };
  if (code && TRANSIENT_NETWORK_CODES.has(code)) return { reason: `network error (${code})`, transient: true };
  if (code === "ENOTFOUND") return { reason: "model server host not found", transient: false };
  const message = error instanceof Error ? error.message : String(error);
  if ((error instanceof TypeError && /invalid url|failed to parse url/i.test(message + String((error as { cause?: unknown }).cause ?? ""))) || code === "ERR_INVALID_URL") {
    return { reason: `invalid URL`, transient: false };
  }
  return { reason: `network error: ${message}${code ? ` (${code})` : ""}`, transient: true };
}

/** Sends one JSON request; never throws. */
export async function sendModelRequest(request: ModelRequest, options: SendOptions): Promise<ModelResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const secrets = options.secretValues ?? [];
  // One controller and a plain timer per call: AbortSignal.timeout/any cost far more CPU per call (weak references, finalizers).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
  }, options.timeoutMs);
  const callerAbort = () => controller.abort(options.signal!.reason);
  if (options.signal?.aborted) callerAbort();
  else options.signal?.addEventListener("abort", callerAbort, { once: true });
  const signal = controller.signal;
  const headers = { "content-type": "application/json", accept: "application/json", ...request.headers };
  const exchangeOf = (response: ConnectorExchange["response"]) =>
    options.recordExchange === false ? undefined : redactExchange({ request: { ...request, headers }, response }, secrets);

  let status: number;
  let text: string;
  try {
    const response = await sendHttp(request.url, {
      method: request.method,
      headers,
      body: request.method === "GET" || request.method === "HEAD" ? undefined : JSON.stringify(request.body),
      signal,
    });
    status = response.status;
    text = response.text;
  } catch (error) {
    const failure = classifyThrown(error, options.timeoutMs, timedOut, options.signal?.aborted === true);
    return { ok: false, ...failure, latencyMs: elapsed(), exchange: exchangeOf(null) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", callerAbort);
  }

  let body: unknown;
  let parsed = true;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
    parsed = false;
  }
  const latencyMs = elapsed();
  const exchange = exchangeOf({ status, body });
  if (status === 429 || status >= 500) {
    const detail = serverMessage(body);
    return { ok: false, reason: `HTTP ${status} from model server${detail ? `: ${detail}` : ""}`, transient: true, latencyMs, exchange };
  }
  if (status < 200 || status >= 300) {
    const detail = serverMessage(body);
    return { ok: false, reason: `HTTP ${status} from model server${detail ? `: ${detail}` : ""}`, transient: false, latencyMs, exchange };
  }
  if (!parsed) return { ok: false, reason: "model server response is not JSON", transient: false, latencyMs, exchange };
  return { ok: true, status, body, latencyMs, exchange };
}
