import "server-only";
import type { z } from "zod";
import { assertTokenReachesPath } from "@/lib/api-tokens/token-project-access";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { jsonResponse } from "@/lib/http/json-response";
import { toErrorResponse } from "./error-response";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./read-json-body";
import { zodFields } from "@/lib/errors/zod-fields";
import { requireSameOrigin } from "./require-same-origin";
import { isStorableText } from "@/lib/http/json-limits";
import { currentRequestContext } from "@/lib/log/request-context.mjs";

type Schemas = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiInput<S extends Schemas> = {
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
  request: Request;
};

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** A route handler that carries its definition: tests walk every route × role, the OpenAPI document reads its schemas. */
export type ApiRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  permission: Permission;
  definition: ApiRouteDefinition<Schemas>;
};

export type ApiRouteDefinition<S extends Schemas> = {
  permission: Permission;
  schemas?: S;
  /** One line for the OpenAPI document. */
  summary?: string;
  /** Success status and response body schema, for the OpenAPI document; `others`: further success answers (e.g. 200 for a dry run). */
  response?: { status?: number; schema?: z.ZodType; description?: string; others?: { status: number; schema?: z.ZodType; description: string }[] };
  /** A request body that is not JSON (uploads), for the OpenAPI document: the accepted media types. */
  rawBody?: { description: string; mediaTypes: string[] };
  /** Error statuses the handler answers beyond those its schemas imply (the OpenAPI document lists them). */
  errors?: number[];
  /** Largest accepted JSON body; larger requests get 413. */
  maxBodyBytes?: number;
};

/**
 * The one wrapper for /api/v1 routes: authenticate (401) → authorize by the
 * permission table (403; a session-cookie write from another origin is refused, CSRF)
 * → parse params (404), query (400) and body (415 not JSON / 400 / 413 / 422) with
 * zod → run the domain function → JSON. Domain errors map to HTTP here only.
 */
export function apiRoute<S extends Schemas>(
  definition: ApiRouteDefinition<S>,
  handler: (input: ApiInput<S>, actor: Actor) => Promise<unknown>,
): ApiRouteHandler {
  const route = (request: Request, context: RouteContext) =>
    respond(async () => {
      const actor = await resolveActor(request.headers);
      // The request's log lines (and its access-log line) name who asked.
      const requestContext = currentRequestContext();
      if (requestContext && actor) requestContext.actorId = actor.user.id;
      if (actor && !actor.token) requireSameOrigin(request);
      authorize(actor, definition.permission);
      await assertTokenReachesPath(actor, await context.params);
      return handler(await parseInput(request, context, definition), actor);
    });
  return Object.assign(route, { permission: definition.permission, definition: definition as ApiRouteDefinition<Schemas> });
}

/** The same parsing and error mapping for the few routes that must work signed out (setup, invites). */
export function publicRoute<S extends Schemas>(
  definition: Omit<ApiRouteDefinition<S>, "permission">,
  handler: (input: ApiInput<S>) => Promise<unknown>,
) {
  return (request: Request, context: RouteContext) => respond(async () => handler(await parseInput(request, context, definition)));
}

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    if (result === undefined) return new Response(null, { status: 204 });
    return jsonResponse(result);
  } catch (error) {
    return toErrorResponse(error);
  }
}

async function parseInput<S extends Schemas>(
  request: Request,
  context: RouteContext,
  definition: Omit<ApiRouteDefinition<S>, "permission">,
): Promise<ApiInput<S>> {
  const schemas: Schemas = definition.schemas ?? {};
  let params: unknown = await context.params;
  if (schemas.params) {
    const parsed = schemas.params.safeParse(params);
    if (!parsed.success) throw new NotFoundError();
    params = parsed.data;
  }
  const searchParams = new URL(request.url).searchParams;
  for (const [key, value] of searchParams) {
    // PostgreSQL cannot compare or store U+0000: `?cursor=%00` must be a 400, not a failed query.
    if (!isStorableText(key) || !isStorableText(value)) {
      throw new ValidationError("Query parameters may not contain the NUL character (%00).", [{ path: `query.${key.replaceAll("\u0000", "%00")}`, message: "must not contain the NUL character" }], 400);
    }
  }
  let query: unknown = undefined;
  if (schemas.query) {
    const raw = Object.fromEntries(searchParams);
    const parsed = schemas.query.safeParse(raw);
    if (!parsed.success) throw new ValidationError("Invalid query parameters.", zodFields(parsed.error, "query"), 400);
    query = parsed.data;
  }
  let body: unknown = undefined;
  if (schemas.body) {
    const raw = await readJsonBody(request, definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const parsed = schemas.body.safeParse(raw);
    if (!parsed.success) throw new ValidationError("The request body is invalid.", zodFields(parsed.error, "body"));
    body = parsed.data;
  }
  return { params, query, body, request } as ApiInput<S>;
}
