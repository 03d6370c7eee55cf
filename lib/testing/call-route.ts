import type { RouteContext } from "@/lib/api/api-route";

type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/** Calls a Next route handler the way Next does: a real Request and a params promise. */
export async function callRoute(
  handler: Handler,
  options: { method?: string; path?: string; params?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  // A browser sends its page's Origin with every write; the session-cookie CSRF check requires it.
  if (headers.has("cookie") && !headers.has("origin") && !headers.has("sec-fetch-site")) headers.set("origin", "http://localhost:3000");
  const request = new Request(`http://localhost:3000${options.path ?? "/api/v1/test"}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, unknown> & { error?: { code: string; message: string; fields?: { path: string; message: string }[] } }, text };
}
