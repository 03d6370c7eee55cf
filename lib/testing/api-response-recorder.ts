import { appendFileSync } from "node:fs";
import path from "node:path";
import type { ApiRouteDefinition, ApiRouteHandler, RouteContext } from "@/lib/api/api-route";

// Records what every /api/v1 handler answers during the integration tests, so
// a last check (app/api/v1/openapi.json/openapi-conformance.global-setup.ts)
// can hold each answer against the OpenAPI document: its status listed, its
// body valid against the documented schema. Installed around apiRoute by the
// integration setup file; one JSON line per answer in the run's record file.

export type RecordedAnswer = { method: string; path: string; status: number; body?: unknown; bodyOmitted?: true; test?: string };

const MAX_RECORDED_BODY = 256 * 1024;

/** The route file that called apiRoute, from the call stack, as its URL template (/api/v1/models/{modelId}). */
export function routeTemplateFromStack(stack: string | undefined): string | null {
  const match = /app[\\/]api[\\/]v1((?:[\\/][^\s:()]+?)?)[\\/]route\.ts/.exec(stack ?? "");
  if (!match) return null;
  return `/api/v1${match[1]!.split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

/** Wraps a route handler so each answer is appended to `file` (the handler's own answer is returned untouched). */
export function recordingRoute(handler: ApiRouteHandler, template: string | null, file: string, currentTest: () => string | undefined): ApiRouteHandler {
  const recorded = async (request: Request, context: RouteContext) => {
    const response = await handler(request, context);
    const answer: RecordedAnswer = { method: request.method, path: template ?? "(unknown route file)", status: response.status, test: currentTest() };
    // JSON documents only: a stream (JSONL export, images) is left to its reader, untouched.
    if (/^application\/(?:[\w.-]+\+)?json\b/i.test(response.headers.get("content-type") ?? "")) {
      const text = await response.clone().text();
      if (text.length > MAX_RECORDED_BODY) answer.bodyOmitted = true;
      else if (text) answer.body = JSON.parse(text) as unknown;
    }
    appendFileSync(file, `${JSON.stringify(answer)}\n`);
    return response;
  };
  return Object.assign(recorded, { permission: handler.permission, definition: handler.definition as ApiRouteDefinition<object> });
}
