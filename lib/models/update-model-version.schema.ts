import { z } from "zod";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { lockVersionSchema } from "@/lib/http/lock-version";
import {
  concurrencySchema,
  connectorSecretNameSchema,
  metricsSchema,
  modelNameSchema,
  modelStatusSchema,
  modelVersionLabelSchema,
  sourceUrlSchema,
  timeoutMsSchema,
  trainedAtSchema,
} from "./model-version-fields.schema";

/**
 * PATCH /models/{modelId}: any subset of the fields, plus the `lockVersion` the
 * client read (stale → 409 with the current state). `connectorSecrets` merges:
 * a string sets a secret, null removes it, absent names stay as they are.
 */
export const updateModelVersionSchema = z
  .object({
    lockVersion: lockVersionSchema,
    name: modelNameSchema.optional(),
    version: modelVersionLabelSchema.optional(),
    status: modelStatusSchema.optional(),
    connector: connectorConfigSchema.optional(),
    connectorSecrets: z.record(connectorSecretNameSchema, z.string().min(1, "must not be empty").max(10_000).nullable()).optional(),
    trainedAt: trainedAtSchema.nullable().optional(),
    metrics: metricsSchema.nullable().optional(),
    sourceUrl: sourceUrlSchema.nullable().optional(),
    concurrency: concurrencySchema.optional(),
    timeoutMs: timeoutMsSchema.optional(),
  })
  .strict();

export type UpdateModelVersion = z.output<typeof updateModelVersionSchema>;
