import type { ConnectorExchange } from "../connector";

const REDACTED = "[redacted]";
/** Headers that carry credentials whatever their value. */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key", "api-key"]);

/** Longest first, so a secret containing another is masked whole. */
function bySize(secretValues: readonly string[]): string[] {
  return [...secretValues].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** A model's output or error with every secret value replaced by [redacted], wherever it appears (strings, keys, nested). */
export function redactSecrets<T>(value: T, secretValues: readonly string[]): T {
  const secrets = bySize(secretValues);
  return secrets.length ? (redactValue(value, secrets) as T) : value;
}

function redactText(text: string, secretValues: readonly string[]): string {
  let result = text;
  for (const secret of secretValues) if (secret) result = result.split(secret).join(REDACTED);
  return result;
}

function redactValue(value: unknown, secretValues: readonly string[]): unknown {
  if (typeof value === "string") return redactText(value, secretValues);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secretValues));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, secretValues), redactValue(v, secretValues)]));
  }
  return value;
}

/** An exchange safe to show: credential headers masked, every secret value replaced wherever it appears. */
export function redactExchange(exchange: ConnectorExchange, secretValues: readonly string[]): ConnectorExchange {
  const secrets = bySize(secretValues);
  const headers = Object.fromEntries(
    Object.entries(exchange.request.headers).map(([name, value]) => [
      name,
      CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value, secrets),
    ]),
  );
  return {
    request: { method: exchange.request.method, url: redactText(exchange.request.url, secrets), headers, body: redactValue(exchange.request.body, secrets) },
    response: exchange.response ? { status: exchange.response.status, body: redactValue(exchange.response.body, secrets) } : null,
  };
}
