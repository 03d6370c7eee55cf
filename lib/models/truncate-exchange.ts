import type { ConnectorExchange } from "@/lib/connectors/connector";

/** Bytes of each body Test connection shows: request and response together stay within 64 KB. */
export const SHOWN_BODY_BYTES = 32 * 1024;

function truncateBody(body: unknown): unknown {
  if (body === undefined) return body;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  if (text === undefined || Buffer.byteLength(text) <= SHOWN_BODY_BYTES) return body;
  const kept = Buffer.from(text).subarray(0, SHOWN_BODY_BYTES).toString("utf8").replace(/\uFFFD$/, "");
  return `${kept}… [cut: ${Buffer.byteLength(text)} bytes in all, the first ${SHOWN_BODY_BYTES} shown]`;
}

/** The exchange as Test connection shows it: each body at most SHOWN_BODY_BYTES (as its JSON text, cut, when longer). */
export function truncateExchange(exchange: ConnectorExchange): ConnectorExchange {
  return {
    request: { ...exchange.request, body: truncateBody(exchange.request.body) },
    response: exchange.response ? { ...exchange.response, body: truncateBody(exchange.response.body) } : null,
  };
}
