import fc from "fast-check";

// fast-check arbitraries for the API fuzz tier (app/api/v1/api-fuzz.integration.test.ts):
// values shaped by a route's JSON Schema (from the OpenAPI document), each node
// sometimes swapped for something hostile — NUL characters, huge strings, deep
// nesting, wrong types, boundary numbers. Every URL it makes is loopback.

type JsonSchema = Record<string, unknown>;
export type Components = Record<string, JsonSchema>;

/** Strings an attacker would try, by kind. Loopback ports only: nothing here may reach another host. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "%00", "\\u0000", "", " ", "null", "undefined", "__proto__", "constructor", "NaN", "-1", "1e309", "../../etc/passwd", "'; DROP TABLE projects; --", "<script>alert(1)</script>", "javascript:alert(1)", "\ud800", "\udfff\ud800", "😀".repeat(50), "\u202e", "\r\n\r\n"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => "x".repeat(n)),
  fc.constantFrom("http://127.0.0.1:1/", "http://[::1]:1/x", "http://localhost:1/", "ftp://127.0.0.1/", "http://user:pw@127.0.0.1:1/"),
);

const deepArray = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const deepObject = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** JSON text nested `depth` levels (5,000 once overflowed the server's stack). */
export const deepJsonText = (depth: number) => `{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`;

/** Any JSON value, including the hostile ones: wrong types for whatever the schema wanted. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE), weight: 2 },
  // Deeper values are sent as text (deepJsonText): building them would overflow JSON.stringify here first.
  { arbitrary: fc.constantFrom(deepArray(63), deepArray(70), deepObject(64), deepObject(70)), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.constant(Array.from({ length: 5_000 }, (_, i) => i)), weight: 1 },
);

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) return components[ref.slice("#/components/schemas/".length)] ?? {};
  return schema;
}

const URL_KEY = /url|uri|endpoint|host|href|link/i;
const loopbackUrl = fc.constantFrom("http://127.0.0.1:1/", "http://127.0.0.1:1/v2/models/m/infer", "http://[::1]:1/", "http://localhost:1/x");

/**
 * A value for `schema`: usually shaped as it asks (so requests reach the domain
 * code), with probability `hostility` at each node something hostile instead.
 */
export function fromSchema(schema: JsonSchema, components: Components, options: { hostility?: number; key?: string; depth?: number } = {}): fc.Arbitrary<unknown> {
  const hostility = options.hostility ?? 0.15;
  const depth = options.depth ?? 0;
  const shaped = shapedBy(resolve(schema, components), components, { hostility, key: options.key, depth });
  if (hostility <= 0) return shaped;
  const weight = Math.max(1, Math.round(hostility * 100));
  return fc.oneof({ arbitrary: shaped, weight: 100 - weight }, { arbitrary: hostileValue, weight });
}

function shapedBy(schema: JsonSchema, components: Components, options: { hostility: number; key?: string; depth: number }): fc.Arbitrary<unknown> {
  const next = (s: JsonSchema, key?: string) => fromSchema(s, components, { hostility: options.hostility, key, depth: options.depth + 1 });
  if (options.depth > 8) return fc.constant(null);
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => next(s, options.key)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return next(schema.allOf[0] as JsonSchema, options.key);
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => next({ ...schema, type: t }, options.key)));
  switch (type[0]) {
    case "string": {
      if (options.key && URL_KEY.test(options.key)) return loopbackUrl;
      if (schema.format === "uri" || schema.format === "url") return loopbackUrl;
      if (schema.format === "date-time") return fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === "email") return fc.constantFrom("a@b.test", "fuzz@example.test");
      const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
      const maxLength = typeof schema.maxLength === "number" ? Math.min(schema.maxLength, 200) : 40;
      if (typeof schema.pattern === "string") {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength as number | undefined ?? Infinity));
        } catch {
          /* a pattern fast-check cannot read: plain strings below */
        }
      }
      return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case "integer":
    case "number": {
      const step = type[0] === "integer" ? 1 : 1e-9;
      const min = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + step : -1_000;
      const max = typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - step : 1_000_000;
      return type[0] === "integer"
        ? fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const minLength = typeof schema.minItems === "number" ? schema.minItems : 0;
      const maxLength = typeof schema.maxItems === "number" ? Math.min(schema.maxItems, 6) : 4;
      return fc.array(next(items, options.key), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, next(s, name)]));
      const keys = Object.keys(properties);
      const base = keys.length
        ? fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) })
        : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      // Sometimes an extra key the schema does not know, hostile names included.
      return fc.tuple(base, fc.option(fc.tuple(hostileString.filter((s) => s.length < 100), hostileValue), { freq: 8 })).map(([value, extra]) =>
        extra ? { ...(value as object), [extra[0]]: extra[1] } : value,
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}
