import { z } from "zod";

// Response shapes of the routes whose domain modules build plain objects (no
// zod schema of their own yet), for the OpenAPI document and its conformance
// check. Loose objects: every field listed here is promised (DESIGN.md's
// public API), others may be added freely.

const date = z.string().describe("ISO 8601 date-time");
const nullableDate = date.nullable();
const id = z.string();

/** `{ items, nextCursor }`, the shape of every list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const patternResponseSchema = z.looseObject({
  id,
  projectId: id,
  problemId: id,
  problemKey: z.string(),
  name: z.string(),
  purpose: z.enum(["case", "control"]),
  origin: z.enum(["production", "contrived"]),
  notes: z.string(),
  revision: z.number().int(),
  revisionId: id,
  inputKind: z.enum(["json", "text", "image"]),
  input: z.json(),
  inputHash: z.string(),
  expectation: z.looseObject({ kind: z.string() }),
  attachmentId: id.nullable(),
  archivedAt: nullableDate,
  lockVersion: z.number().int(),
  createdAt: date,
  updatedAt: date,
});

export const patternRevisionResponseSchema = z.looseObject({ id, number: z.number().int(), inputKind: z.enum(["json", "text", "image"]), input: z.json(), createdAt: date });

export const modelVersionResponseSchema = z.looseObject({
  id,
  projectId: id,
  name: z.string(),
  version: z.string(),
  status: z.enum(["candidate", "production", "retired", "rejected"]),
  connectorKind: z.string(),
  connector: z.looseObject({ kind: z.string() }),
  artifactChecksum: z.string().nullable(),
  trainedAt: nullableDate,
  metrics: z.json().nullable(),
  sourceUrl: z.string().nullable(),
  connectorRevision: z.number().int().describe("Revision of the connector configuration: bumped by every change of the connector, its secrets or a replaced file"),
  lockVersion: z.number().int(),
  createdAt: date,
  updatedAt: date,
  artifact: z.looseObject({ id, kind: z.enum(["onnx", "predictions"]), filename: z.string(), byteSize: z.number().int(), sha256: z.string(), createdAt: date }).nullable(),
  secretKeys: z.array(z.string()).nullable(),
  callable: z.boolean(),
});

const count = z.number().int().min(0);

export const replayRunResponseSchema = z.looseObject({
  id,
  projectId: id,
  modelVersionId: id,
  trigger: z.string(),
  status: z.enum(["queued", "running", "completed", "failed", "cancelled"]),
  total: count,
  passed: count,
  failed: count,
  errored: count,
  ungraded: count,
  pending: count,
  createdAt: date,
});

export const resultResponseSchema = z.looseObject({
  patternRevisionId: id,
  patternId: id,
  output: z.json().nullable(),
  verdict: z.enum(["pass", "fail", "error"]).nullable(),
  errorReason: z.string().nullable(),
  latencyMs: z.number().nullable(),
  connectorRevision: z.number().int().describe("The model version's connectorRevision the result was made with"),
  stale: z.boolean().describe("Made with an earlier connector configuration than the version's current one: replay to refresh"),
});

export const errorRateResponseSchema = z.looseObject({
  problemId: id,
  modelVersionId: id,
  passed: count,
  failed: count,
  errored: count,
  errorRate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const gradingQueueItemResponseSchema = z.looseObject({
  id: z.string().describe("<patternRevisionId>.<outputHash>: the cursor of the next page"),
  patternRevisionId: id,
  outputHash: z.string(),
  output: z.json().nullable(),
  patternId: id,
  patternName: z.string(),
  problemId: id,
  input: z.json(),
  modelVersionIds: z.array(id),
  current: z.boolean().describe("The pattern's current revision of a non-archived pattern (only false with ?patternId=)"),
});

export const gradeResponseSchema = z.looseObject({ resultsUpdated: count });

export const testConnectionResponseSchema = z.looseObject({
  ok: z.boolean(),
  output: z.json().optional(),
  verdict: z.enum(["pass", "fail"]).nullable().optional(),
  reason: z.string().optional(),
  transient: z.boolean().optional(),
  latencyMs: z.number(),
  pattern: z.object({ id, name: z.string(), revisionId: id }).nullable().describe("The pattern sent; null when a sampleInput was sent"),
  exchange: z.json().nullable(),
});

export const importResponseSchema = z.looseObject({ dryRun: z.boolean() });

export const artifactPreviewResponseSchema = z.object({
  dryRun: z.literal(true),
  kind: z.enum(["onnx", "predictions"]),
  filename: z.string(),
  byteSize: count,
  sha256: z.string(),
  replaces: z.boolean().describe("Storing it would replace the version's predictions file (allowed until a sign-off)"),
  predictions: z
    .object({
      rows: count,
      notLabels: z
        .array(z.object({ line: z.number().int(), patternId: id.nullable(), patternRevisionId: id.nullable(), output: z.json().nullable() }))
        .describe("Rows whose output, once normalised, is not one of the project's labels: judged as given, and failing"),
    })
    .nullable(),
});

const tokenScope = z.enum(["read", "write", "capture", "gate"]);
export const apiTokenResponseSchema = z.looseObject({ id, name: z.string(), scopes: z.array(tokenScope), projectIds: z.array(id), prefix: z.string(), expiresAt: nullableDate, createdAt: date });
export const createdApiTokenResponseSchema = apiTokenResponseSchema.extend({ secret: z.string().describe("Shown this once; only its hash is stored") });

const role = z.enum(["admin", "engineer", "tester", "stakeholder"]);
export const userResponseSchema = z.looseObject({ id, email: z.string(), name: z.string(), role });
export const inviteResponseSchema = z.looseObject({ id, email: z.string(), role });
export const attachmentResponseSchema = z.looseObject({ id, projectId: id, contentType: z.string(), byteSize: count, sha256: z.string() });
export const auditEventResponseSchema = z.looseObject({ id: z.union([z.string(), z.number()]), action: z.string(), createdAt: date });

export const webhookResponseSchema = z.looseObject({
  id,
  projectId: id,
  url: z.string(),
  format: z.enum(["json", "slack"]),
  events: z.array(z.string()),
  createdAt: date,
});
export const createdWebhookResponseSchema = webhookResponseSchema.extend({ secret: z.string().describe("Signing secret (X-Ratchet-Signature: sha256=HMAC-SHA256(raw body)); shown this once") });
export const webhookDeliveryResponseSchema = z.looseObject({
  id,
  webhookId: id,
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: count,
  lastError: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  createdAt: date,
  lastAttemptAt: nullableDate,
  deliveredAt: nullableDate,
});
export const nowTestResponseSchema = z.looseObject({
  id,
  projectId: id,
  modelVersionId: id,
  replayRunId: id,
  status: z.enum(["running", "completed", "failed"]),
  compared: count,
  changedOutputs: z.array(id).describe("Pattern ids whose output changed although the version did not"),
  crossedTarget: z.array(id).describe("Problem ids whose error rate crossed the target"),
  createdAt: date,
  finishedAt: nullableDate,
});
export const nowTestScheduleResponseSchema = z.looseObject({ projectId: id, cron: z.string(), enabled: z.boolean(), nextRunAt: nullableDate, lastRunAt: nullableDate });
