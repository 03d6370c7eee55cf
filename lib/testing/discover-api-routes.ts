import { readdirSync } from "node:fs";
import path from "node:path";
import type { ApiRouteHandler } from "@/lib/api/api-route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type DiscoveredRoute = {
  file: string;
  urlPath: string;
  method: (typeof HTTP_METHODS)[number];
  params: string[];
  handler: ApiRouteHandler | ((...args: never[]) => unknown);
};

/** Every method of every app/api/v1 route file, found on disk (so a new route cannot hide from the tests); not the catch-all 404. */
export async function discoverApiRoutes(root = path.join(process.cwd(), "app/api/v1")): Promise<DiscoveredRoute[]> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts") && !f.includes("[...")).sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const dir = path.dirname(file) === "." ? "" : `/${path.dirname(file).split(path.sep).join("/")}`;
    const params = [...dir.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler === "function") {
        routes.push({ file: `app/api/v1/${file}`, urlPath: `/api/v1${dir}`, method, params, handler: handler as DiscoveredRoute["handler"] });
      }
    }
  }
  return routes;
}
