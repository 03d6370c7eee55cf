import { PayloadTooLargeError, ValidationError } from "@/lib/errors/domain-errors";

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON body with a byte limit: 413 over it, 400 when it is not JSON. */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (bytes.byteLength === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The request body is not valid UTF-8.", undefined, 400);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError(`Malformed JSON: ${(error as Error).message}`, [{ path: "body", message: "not valid JSON" }], 400);
  }
}
