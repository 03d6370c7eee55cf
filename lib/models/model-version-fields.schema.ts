import { z } from "zod";

// Field schemas shared by the create and update boundaries of model versions.

export const modelStatusSchema = z.enum(["candidate", "production", "retired", "rejected"]);

export const modelNameSchema = z.string().trim().min(1, "is required").max(120);
export const modelVersionLabelSchema = z.string().trim().min(1, "is required").max(120);

/** Secret names are plain identifiers; values are opaque strings. At most 32 per model version. */
export const connectorSecretNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "secret names use letters, digits, _ . - (at most 64)");
export const connectorSecretsSchema = z
  .record(connectorSecretNameSchema, z.string().min(1, "must not be empty").max(10_000))
  .refine((s) => Object.keys(s).length <= 32, "at most 32 secrets");

export const trainedAtSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO date or date-time" })
  .transform((s) => new Date(s));

export const metricsSchema = z.record(z.string().max(200), z.json()).refine((m) => JSON.stringify(m).length <= 100_000, "at most 100 kB of metrics");
/** A link shown on the model version page: http(s) only (a javascript: URL would run in the reader's session). */
export const sourceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => isHttpUrl(text), "must be an http(s) URL");

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
export const artifactChecksumSchema = z
  .string()
  .trim()
  .regex(/^(sha256:)?[A-Fa-f0-9]{64}$/, "must be a SHA-256 hex digest")
  .transform((s) => s.replace(/^sha256:/, "").toLowerCase());
export const concurrencySchema = z.number().int().min(1).max(64);
export const timeoutMsSchema = z.number().int().min(100).max(120_000);
