import type { FieldError } from "@/lib/errors/domain-errors";

// The response bodies every HTTP boundary shares (the API wrapper, better-auth's
// endpoints, sign-up): no authentication, no domain knowledge, so both lib/api
// and lib/auth can use them without importing each other.

export type ErrorBody = { error: { code: string; message: string; fields?: FieldError[]; current?: unknown } };

/** JSON with BigInt as strings (audit ids) and the given status. */
export function jsonResponse(value: unknown, status = 200): Response {
  const text = stringify(value);
  return new Response(text, { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

/**
 * Plain JSON.stringify first: a replacer function runs for every value and makes a
 * 600 kB answer (a comparison of 1,000 problems) 2–3× slower to write. Only a
 * BigInt makes the plain call throw; then the replacer writes it as a string.
 */
function stringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  }
}

/** DESIGN.md's error shape: `{ error: { code, message, fields?, current? } }`. */
export function errorResponse(status: number, code: string, message: string, fields?: FieldError[], headers?: Record<string, string>, current?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(fields?.length ? { fields } : {}), ...(current !== undefined ? { current } : {}) } };
  return Response.json(body, { status, headers });
}
