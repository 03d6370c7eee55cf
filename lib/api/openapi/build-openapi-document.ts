import { createHash } from "node:crypto";
import { z } from "zod";
import type { ApiRouteHandler } from "@/lib/api/api-route";
import { PERMISSIONS } from "@/lib/auth/permissions";

// OpenAPI 3.1 from the very zod schemas apiRoute validates with, so the
// document cannot drift from what the server accepts. JSON Schema 2020-12 is
// OpenAPI 3.1's dialect, so zod's draft-2020-12 output is used as is; only
// its $defs are hoisted into components.schemas.

type JsonSchema = Record<string, unknown>;
export type OpenApiEntry = { path: string; method: string; handler: Pick<ApiRouteHandler, "definition"> };

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  "x-permission": string;
  "x-roles": string[];
  "x-token-scopes": string[];
  parameters: { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } }; $ref?: string }>;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, JsonSchema>; schemas: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };
};

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["validation_failed", "not_found", "conflict"] },
        message: { type: "string" },
        fields: {
          type: "array",
          description: "Which inputs were wrong, e.g. body.target",
          items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
        },
        current: { description: "409 on a stale lockVersion: the record as it is now" },
      },
    },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Malformed request: invalid query parameters (a NUL character among them), malformed JSON or JSON nested deeper than 64 levels",
  "401": "No session and no valid API token",
  "403": "The role or the token's scopes do not allow this",
  "404": "Not found",
  "409": "Conflict: stale lockVersion (with `error.current`), taken unique value, or wrong state",
  "413": "Request body too large",
  "415": "The request body's media type is not accepted",
  "422": "The body does not validate, or the request is not possible as asked; `error.fields` names each path",
  "429": "Too many requests; retry after `Retry-After` seconds",
};

const SUCCESS_WORDS: Record<string, string> = { "200": "OK", "201": "Created", "202": "Accepted: queued, runs in the background", "204": "Done; no body" };

/** Words after a resource id that name an action or a sub-view, not a resource: tagged by their parent. */
const ACTION_SEGMENTS = new Set(["triage", "dismiss", "cancel", "history", "revisions", "test-connection", "artifact", "import", "export", "queue", "archive", "restore"]);

export function tagFor(path: string): string {
  const statics = path
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter((s) => s && !s.startsWith("{"));
  const resource = [...statics].reverse().find((s) => !ACTION_SEGMENTS.has(s)) ?? "meta";
  return resource === "me" || resource === "openapi.json" ? "meta" : resource;
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\/?/, "")
    .split(/[/{}.\-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return `${method.toLowerCase()}${words.join("")}`;
}

class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};
  private counter = 0;

  /** zod → JSON Schema 2020-12, with $defs moved to components (deduplicated when self-contained). */
  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    const renames = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      const text = JSON.stringify(def);
      const selfContained = !text.replaceAll(`"#/$defs/${name}"`, "").includes('"#/$defs/');
      const normalized = text.replaceAll(`"#/$defs/${name}"`, '"#SELF"');
      const componentName = selfContained
        ? `${name.startsWith("__schema") ? "Schema" : name}_${createHash("sha256").update(normalized).digest("hex").slice(0, 8)}`
        : `Schema_${++this.counter}`;
      renames.set(name, componentName);
    }
    const rewrite = (value: JsonSchema) =>
      JSON.parse(JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${renames.get(name) ?? name}"`)) as JsonSchema;
    for (const [name, def] of Object.entries(defs)) this.components[renames.get(name)!] ??= rewrite(def);
    return rewrite(json);
  }
}

function describePermission(permission: keyof typeof PERMISSIONS): string {
  const rule = PERMISSIONS[permission];
  const scopes = rule.scopes.length ? `API token scopes: ${rule.scopes.join(", ")}` : "sessions only (no API tokens)";
  return `Requires \`${permission}\` — roles: ${rule.roles.join(", ")}; ${scopes}.`;
}

function parametersFrom(converter: SchemaConverter, schema: z.ZodType | undefined, location: "path" | "query", pathNames: string[]) {
  const parameters: OpenApiOperation["parameters"] = [];
  const json = schema ? converter.convert(schema, "input") : { properties: {} };
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  for (const [name, property] of Object.entries(properties)) {
    const { description, ...rest } = property;
    parameters.push({ name, in: location, required: location === "path" || required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest });
  }
  if (location === "path") {
    for (const name of pathNames) if (!properties[name]) parameters.push({ name, in: "path", required: true, schema: { type: "string" } });
  }
  return parameters;
}

/** The OpenAPI 3.1 document for the given operations (app/api/v1/openapi.json reads them from the generated API manifest). */
export function buildOpenApiDocument(entries: OpenApiEntry[]): OpenApiDocument {
  const converter = new SchemaConverter();
  const paths: OpenApiDocument["paths"] = {};
  const tags = new Set<string>();
  for (const { path, method, handler } of entries) {
    const definition = handler.definition;
    const schemas = definition.schemas ?? {};
    const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const tag = tagFor(path);
    tags.add(tag);
    const responses: OpenApiOperation["responses"] = {};
    const successes = [
      { status: definition.response?.status ?? 200, schema: definition.response?.schema, description: definition.response?.description },
      ...(definition.response?.others ?? []),
    ];
    for (const success of successes) {
      const status = String(success.status);
      responses[status] = {
        description: success.description ?? SUCCESS_WORDS[status] ?? "OK",
        ...(success.schema ? { content: { "application/json": { schema: converter.convert(success.schema, "output") } } } : {}),
      };
    }
    // What the wrapper itself may answer: 400/401/403 always (a NUL in any query parameter is a 400, with or
    // without a query schema); 404 for an id in the path; 413 for a body over its limit and 415 for a JSON
    // route sent another media type; 409 and 422 from domain checks of any change.
    const errorStatuses = ["400", "401", "403", ...(definition.errors ?? []).map(String)];
    if (pathNames.length) errorStatuses.push("404");
    if (schemas.body || definition.rawBody) errorStatuses.push("413", "422");
    if (schemas.body) errorStatuses.push("415");
    if (method !== "GET") errorStatuses.push("409", "422");
    for (const code of [...new Set(errorStatuses)].sort()) responses[code] = { description: ERROR_RESPONSES[code]!, $ref: `#/components/responses/Error${code}` };

    const operation: OpenApiOperation = {
      operationId: operationId(method, path),
      summary: definition.summary ?? `${method} ${path}`,
      description: describePermission(definition.permission),
      tags: [tag],
      "x-permission": definition.permission,
      "x-roles": [...PERMISSIONS[definition.permission].roles],
      "x-token-scopes": [...PERMISSIONS[definition.permission].scopes],
      parameters: [...parametersFrom(converter, schemas.params, "path", pathNames), ...(schemas.query ? parametersFrom(converter, schemas.query, "query", []) : [])],
      ...(schemas.body
        ? { requestBody: { required: true, content: { "application/json": { schema: converter.convert(schemas.body, "input") } } } }
        : definition.rawBody
          ? {
              requestBody: {
                required: true,
                description: definition.rawBody.description,
                content: Object.fromEntries(
                  definition.rawBody.mediaTypes.map((type) => [
                    type,
                    {
                      schema:
                        type === "multipart/form-data"
                          ? { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: "application/octet-stream" } } }
                          : { type: "string", contentMediaType: type },
                    },
                  ]),
                ),
              },
            }
          : {}),
      responses,
    };
    // $ref responses may not carry siblings in 3.1 tooling; keep only the ref.
    for (const [code, response] of Object.entries(operation.responses)) if (response.$ref) operation.responses[code] = { $ref: response.$ref } as never;
    (paths[path] ??= {})[method.toLowerCase()] = operation;
  }
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([code, description]) => [`Error${code}`, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Ratchet API",
      version: "1",
      description:
        "Problems, patterns, model versions, replays, error rates, sign-offs and the release gate. " +
        "Errors are `{ error: { code, message, fields?: [{ path, message }] } }`; lists take `?cursor=&limit=` and return `{ items, nextCursor }`. " +
        "Deprecated: a pattern's `polarity` (`positive`, `negative`) is now its `purpose` (`case`, `control`); request bodies and import files still accept " +
        "`polarity` for one release (positive = case, negative = control; both given and disagreeing is a 422 at `polarity`), responses and exports carry only `purpose`.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (rt_…) from /settings/tokens; acts with its owner's role, limited to its scopes." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The browser session of a signed-in user (`__Secure-better-auth.session_token` when served over https)." },
      },
      schemas: { Error: errorSchema, ...converter.components },
      responses,
    },
  };
}
