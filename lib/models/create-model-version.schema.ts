import { z } from "zod";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import {
  artifactChecksumSchema,
  concurrencySchema,
  connectorSecretsSchema,
  metricsSchema,
  modelNameSchema,
  modelStatusSchema,
  modelVersionLabelSchema,
  sourceUrlSchema,
  timeoutMsSchema,
  trainedAtSchema,
} from "./model-version-fields.schema";

/**
 * POST /projects/{projectId}/models. `connector` is the configuration without
 * secrets; `connectorSecrets` (name → value) is stored encrypted, referred to
 * from the connector as {{secret.NAME}} (openai: `apiKeySecret`), and never
 * returned: responses list `secretKeys` only. `replay: false` registers a
 * callable version without queueing its replay (default true, as before).
 */
export const createModelVersionSchema = z.object({
  name: modelNameSchema,
  version: modelVersionLabelSchema,
  status: modelStatusSchema.default("candidate"),
  connector: connectorConfigSchema,
  connectorSecrets: connectorSecretsSchema.default({}),
  trainedAt: trainedAtSchema.nullish(),
  metrics: metricsSchema.nullish(),
  sourceUrl: sourceUrlSchema.nullish(),
  artifactChecksum: artifactChecksumSchema.nullish(),
  concurrency: concurrencySchema.default(4),
  timeoutMs: timeoutMsSchema.default(10_000),
  replay: z.boolean().default(true).describe("false: register without replaying yet (replay later with POST /models/{modelId}/replays)"),
});

export type CreateModelVersion = z.output<typeof createModelVersionSchema>;
