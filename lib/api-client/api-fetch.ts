// The transport under the typed client (one file per resource beside this one):
// fetch the same /api/v1 routes integrations use, with the session cookie, and
// surface DESIGN.md's error shape as ApiClientError. Components call the typed
// functions, never apiFetch with a URL of their own.

/** A value as it arrives over JSON: dates become ISO strings, everything else keeps its shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type ApiFieldError = { path: string; message: string };

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }

  /** The message for one form field ("body.email" → fieldMessage("email")). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.path === `body.${field}` || f.path.startsWith(`body.${field}.`))?.message;
  }
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    // /api/v1 answers { error: {…} }; better-auth's own endpoints answer { code, message }.
    type ErrorShape = { code?: string; message?: string; fields?: ApiFieldError[]; current?: unknown };
    const raw = (data ?? {}) as ErrorShape & { error?: ErrorShape };
    const error = raw.error ?? raw;
    throw new ApiClientError(response.status, error.code ?? "http_error", error.message ?? `Request failed (${response.status}).`, error.fields ?? [], error.current);
  }
  return data as T;
}
