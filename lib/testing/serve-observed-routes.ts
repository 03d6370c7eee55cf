import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { observeRequests } from "@/lib/http/observe-requests.mjs";
import { createRouteMatcher, readRoutePatterns } from "@/lib/metrics/web-metrics.mjs";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ServedRoute = { path: RegExp; methods: Partial<Record<string, Handler>> };

/**
 * Serves route handlers over real HTTP on 127.0.0.1 behind the same request
 * observer as scripts/serve-next.mjs (request id, request context, access-log
 * line, request histogram), without building Next. `path`'s named groups are
 * the route params.
 */
export async function serveObservedRoutes(routes: readonly ServedRoute[]): Promise<{ url: string; close(): Promise<void> }> {
  const matchRoute = createRouteMatcher(readRoutePatterns(path.join(process.cwd(), "app")));
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes.map((r) => ({ r, match: r.path.exec(url.pathname) })).find((m) => m.match && m.r.methods[req.method ?? "GET"]);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    const request = new Request(url, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks) });
    const response = await route.r.methods[req.method ?? "GET"]!(request, { params: Promise.resolve({ ...route.match!.groups }) });
    for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    res.writeHead(response.status);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server = http.createServer(observeRequests(handle, { matchRoute }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
