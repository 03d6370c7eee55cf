import type { Connector } from "./connector";
import { connectorConfigSchema, type ConnectorConfig } from "./connector-config.schema";
import type { ConnectorKindSpec } from "./connector-kind-spec";
import { connectorKind } from "./connector-kinds";
import { normaliseOutput, type OutputProject } from "./normalise-output";
import type { OnnxConfig } from "./onnx/onnx-config.schema";
import { createOnnxConnector } from "./onnx/onnx-connector";
import type { PredictionsConfig } from "./predictions/predictions-config.schema";
import { createPredictionsConnector } from "./predictions/predictions-connector";
import { createHttpConnector } from "./shared/create-http-connector";

export type ConnectorDeps = {
  /** Decrypted connector secrets (name → value). */
  secrets: Record<string, string>;
  /** The uploaded file of kinds that take one (onnx, predictions). */
  artifact?: { sha256: string; data: Uint8Array };
};

export class ConnectorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectorSetupError";
  }
}

/** A model version's stored configuration, parsed again (stored JSON is not trusted to be current); ConnectorSetupError when invalid. */
export function parseConnectorConfig(config: unknown): ConnectorConfig {
  const parsed = connectorConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new ConnectorSetupError(`invalid connector configuration: ${parsed.error.issues.map((i) => `${i.path.join(".") || "connector"} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Items per call of a configuration (the kind table decides; 1 for a configuration that does not parse). */
export function connectorBatchSize(config: unknown): number {
  const parsed = connectorConfigSchema.safeParse(config);
  return parsed.success ? Math.max(1, connectorKind(parsed.data.kind).maxBatchSize(parsed.data)) : 1;
}

/** An output of a model so configured, normalised for the project: class ids named through the kind's `labels`, numbers and booleans matched to labels. */
export function normaliseConnectorOutput(config: ConnectorConfig, output: unknown, project: OutputProject): unknown {
  return normaliseOutput(output, project, connectorKind(config.kind).classLabels(config));
}

/**
 * A Connector for a model version's stored configuration, by its kind's table
 * entry. Every output goes through the shared output normaliser (class ids and
 * numbers → project labels). Throws ConnectorSetupError when the
 * configuration is invalid or the kind's uploaded file is missing or unreadable.
 */
export function createConnector(stored: unknown, deps: ConnectorDeps): Connector {
  const config = parseConnectorConfig(stored);
  const spec = connectorKind(config.kind);
  if (spec.upload && !deps.artifact) throw new ConnectorSetupError(`no ${spec.upload.noun} uploaded for this model version`);
  const maxBatchSize = Math.max(1, spec.maxBatchSize(config));
  const connector = buildConnector(config, spec.mapping, maxBatchSize, deps);
  return {
    maxBatchSize,
    async invoke(items, context) {
      const { outcomes, exchanges } = await connector.invoke(items, context);
      return { outcomes: outcomes.map((outcome) => (outcome.ok ? { ...outcome, output: normaliseConnectorOutput(config, outcome.output, context.project) } : outcome)), exchanges };
    },
  };
}

function buildConnector(config: ConnectorConfig, mapping: ConnectorKindSpec["mapping"], maxBatchSize: number, deps: ConnectorDeps): Connector {
  switch (mapping.transport) {
    case "http":
      return createHttpConnector(config, mapping, maxBatchSize, deps.secrets);
    case "onnx":
      return createOnnxConnector(config as OnnxConfig, deps.artifact!, maxBatchSize);
    case "predictions":
      try {
        return createPredictionsConnector(config as PredictionsConfig, deps.artifact!, maxBatchSize);
      } catch (error) {
        throw new ConnectorSetupError((error as Error).message);
      }
  }
}
