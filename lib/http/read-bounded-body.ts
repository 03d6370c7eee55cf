import { PayloadTooLargeError, ValidationError } from "@/lib/errors/domain-errors";
import { errorResponse } from "./json-response";

/** Bodies of the routes anyone may call signed out (sign-in, setup, invites): a form's worth, nothing more. */
export const UNAUTHENTICATED_MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body up to `maxBytes`, throwing PayloadTooLargeError (413)
 * before reading when Content-Length declares more, and as soon as the
 * streamed bytes pass the limit otherwise (chunked bodies declare nothing):
 * an oversized body is never read whole.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** readBoundedBody as UTF-8 text; bytes that are not UTF-8 are a 400. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBoundedBody(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The request body is not valid UTF-8.", [{ path: "body", message: "not valid UTF-8" }], 400);
  }
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so its body is read (bounded) before the handler runs:
 * over the limit answers 413 in the JSON error shape; otherwise the handler gets
 * a copy of the request whose body is the bytes already read, so whatever reads
 * it downstream (better-auth, the route wrapper) reads at most `maxBytes`.
 */
export function withBoundedBody<C>(maxBytes: number, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request, context);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readBoundedBody(request, maxBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return errorResponse(error.status, error.code, error.message);
      throw error;
    }
    const headers = new Headers(request.headers);
    headers.delete("transfer-encoding");
    headers.set("content-length", String(bytes.byteLength));
    const copy = new Request(request.url, { method: request.method, headers, body: bytes.byteLength ? bytes : null, signal: request.signal });
    return handler(copy, context);
  };
}
