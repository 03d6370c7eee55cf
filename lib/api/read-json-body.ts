import { UnsupportedMediaTypeError, ValidationError } from "@/lib/errors/domain-errors";
import { findUnstorableTextPath, jsonDepthExceeds, MAX_JSON_DEPTH } from "@/lib/http/json-limits";
import { readBoundedBody } from "@/lib/http/read-bounded-body";

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null): boolean {
  return value?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/**
 * Reads a JSON body with a byte limit: 415 unless sent as application/json, 413
 * over the limit, 400 when it is not JSON or nests deeper than MAX_JSON_DEPTH,
 * 422 naming the field when a string or key holds a NUL or a lone surrogate (PostgreSQL refuses both).
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  // A form or text/plain body is what a cross-site page can send without a preflight: never read it as JSON.
  if (contentType !== null && !isJsonContentType(contentType)) throw new UnsupportedMediaTypeError("application/json");
  const bytes = await readBoundedBody(request, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  if (contentType === null) throw new UnsupportedMediaTypeError("application/json");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The request body is not valid UTF-8.", undefined, 400);
  }
  // Checked on the text, before JSON.parse builds (and zod walks) a structure thousands of levels deep.
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new ValidationError(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, [{ path: "body", message: `nested deeper than ${MAX_JSON_DEPTH} levels` }], 400);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(`Malformed JSON: ${(error as Error).message}`, [{ path: "body", message: "not valid JSON" }], 400);
  }
  const badPath = findUnstorableTextPath(value, "body");
  if (badPath) {
    throw new ValidationError("Text may not contain the NUL character (\\u0000) or a lone surrogate (\\ud800–\\udfff).", [
      { path: badPath, message: "must not contain the NUL character (\\u0000) or a lone surrogate" },
    ]);
  }
  return value;
}
