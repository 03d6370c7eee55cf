import { z } from "zod";
import type { FieldError } from "@/lib/errors/domain-errors";

// A project's input schema is a JSON Schema restricted to the keywords below.
// ajv sits in node_modules only as a transitive dev dependency (prisma →
// @prisma/dev), so production installs would not have it; this subset covers
// what pattern inputs need and is small enough to read in one sitting.

export const SUPPORTED_KEYWORDS = ["type", "properties", "required", "items", "enum", "minLength", "maxLength", "minimum", "maximum", "additionalProperties"] as const;
/** Annotations are accepted and ignored, so schemas pasted from elsewhere keep working. */
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "title", "description", "examples", "default"]);
const TYPES = ["object", "array", "string", "number", "integer", "boolean", "null"] as const;
type JsonType = (typeof TYPES)[number];

export type InputSchema = {
  type?: JsonType | JsonType[];
  properties?: Record<string, InputSchema>;
  required?: string[];
  items?: InputSchema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean;
};

const typeSchema = z.enum(TYPES);

/** Validates a schema document itself (project create/update): known keywords with well-formed values only. */
export const inputSchemaSchema: z.ZodType<InputSchema> = z.lazy(() =>
  z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!(SUPPORTED_KEYWORDS as readonly string[]).includes(key) && !ANNOTATIONS.has(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `unsupported keyword (supported: ${SUPPORTED_KEYWORDS.join(", ")})` });
        }
      }
    })
    .pipe(
      z.looseObject({
        type: z.union([typeSchema, z.array(typeSchema).min(1)]).optional(),
        properties: z.record(z.string(), inputSchemaSchema).optional(),
        required: z.array(z.string()).optional(),
        items: inputSchemaSchema.optional(),
        enum: z.array(z.unknown()).min(1).optional(),
        minLength: z.number().int().min(0).optional(),
        maxLength: z.number().int().min(0).optional(),
        minimum: z.number().optional(),
        maximum: z.number().optional(),
        additionalProperties: z.boolean().optional(),
      }),
    ),
) as z.ZodType<InputSchema>;

function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

function matchesType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Every violation of `schema` by `value`, with paths like "input.review.text" (root given by the caller). */
export function validateAgainstSchema(schema: InputSchema, value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      return [{ path, message: `must be ${types.join(" or ")} (got ${typeOf(value)})` }];
    }
  }
  if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    errors.push({ path, message: `must be one of ${schema.enum.map(describe).join(", ")}` });
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) errors.push({ path, message: schema.minLength === 1 ? "must not be empty" : `must be at least ${characters(schema.minLength)}` });
    if (schema.maxLength !== undefined && length > schema.maxLength) errors.push({ path, message: `must be at most ${characters(schema.maxLength)}` });
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path, message: `must be ≥ ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path, message: `must be ≤ ${schema.maximum}` });
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => errors.push(...validateAgainstSchema(schema.items!, item, `${path}.${index}`)));
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in record)) errors.push({ path: `${path}.${name}`, message: "is required" });
    }
    for (const [name, member] of Object.entries(record)) {
      const memberSchema = schema.properties?.[name];
      if (memberSchema) errors.push(...validateAgainstSchema(memberSchema, member, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push({ path: `${path}.${name}`, message: "is not allowed" });
    }
  }
  return errors;
}

const characters = (n: number) => `${n} character${n === 1 ? "" : "s"}`;
