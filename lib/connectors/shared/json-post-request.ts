import type { ModelRequest } from "./send-model-request";
import { renderHeaders } from "./render-template";

/** A POST of a JSON body with the configured headers ({{secret.NAME}} filled in): the request of every batched protocol. */
export function jsonPostRequest(url: string, headers: Record<string, string>, secrets: Record<string, string>, body: unknown): ModelRequest {
  return { method: "POST", url, headers: renderHeaders(headers, { input: undefined, secrets }), body };
}
