import { ApiClientError, type ApiFieldError } from "./api-fetch";

/**
 * Like apiFetch, for the few endpoints whose body is a file (images, import
 * files): the raw bytes with their Content-Type, the same error handling.
 */
export async function apiUpload<T>(path: string, body: Blob | string, contentType: string): Promise<T> {
  const response = await fetch(path, { method: "POST", headers: { "content-type": contentType }, body, credentials: "same-origin" });
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = ((data ?? {}) as { error?: { code?: string; message?: string; fields?: ApiFieldError[] } }).error ?? {};
    throw new ApiClientError(response.status, error.code ?? "http_error", error.message ?? `Request failed (${response.status}).`, error.fields ?? []);
  }
  return data as T;
}
