import type { Connector } from "./connector";
import { connectorConfigSchema, type ConnectorConfig } from "./connector-config.schema";
import { createHttpConnector } from "./http/http-connector";
import { buildMlflowRequest, encodeMlflowRow, mlflowUrl, parseMlflowResponse } from "./mlflow/mlflow-mapping";
import { createOnnxConnector } from "./onnx/onnx-connector";
import { createOpenAiConnector } from "./openai/openai-connector";
import { buildOpenInferenceRequest, encodeOpenInferenceInput, openInferenceUrl, parseOpenInferenceResponse } from "./openinference/openinference-mapping";
import { createPredictionsConnector } from "./predictions/predictions-connector";
import { buildTfServingRequest, encodeTfServingInstance, parseTfServingResponse, tfServingUrl } from "./tfserving/tfserving-mapping";
import { createBatchedJsonConnector } from "./shared/create-batched-json-connector";

export type ConnectorDeps = {
  /** Decrypted connector secrets (name → value). */
  secrets: Record<string, string>;
  /** The uploaded file of onnx and predictions connectors. */
  artifact?: { sha256: string; data: Uint8Array };
};

export class ConnectorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectorSetupError";
  }
}

/**
 * A Connector for a model version's stored configuration. The config is parsed
 * again here (stored JSON is not trusted to be current); throws
 * ConnectorSetupError when it is invalid or an artifact is missing or unreadable.
 */
export function createConnector(config: unknown, deps: ConnectorDeps): Connector {
  const parsed = connectorConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new ConnectorSetupError(`invalid connector configuration: ${parsed.error.issues.map((i) => `${i.path.join(".") || "connector"} ${i.message}`).join("; ")}`);
  }
  const valid: ConnectorConfig = parsed.data;
  switch (valid.kind) {
    case "openinference":
      return createBatchedJsonConnector(valid, deps.secrets, {
        url: openInferenceUrl,
        encode: encodeOpenInferenceInput,
        body: buildOpenInferenceRequest,
        parse: parseOpenInferenceResponse,
      });
    case "tfserving":
      return createBatchedJsonConnector(valid, deps.secrets, {
        url: tfServingUrl,
        encode: encodeTfServingInstance,
        body: (_config, instances) => buildTfServingRequest(instances),
        parse: parseTfServingResponse,
      });
    case "mlflow":
      return createBatchedJsonConnector(valid, deps.secrets, {
        url: mlflowUrl,
        encode: encodeMlflowRow,
        body: buildMlflowRequest,
        parse: parseMlflowResponse,
      });
    case "openai":
      return createOpenAiConnector(valid, deps.secrets);
    case "http":
      return createHttpConnector(valid, deps.secrets);
    case "onnx":
      if (!deps.artifact) throw new ConnectorSetupError("no ONNX model uploaded for this model version");
      return createOnnxConnector(valid, deps.artifact);
    case "predictions":
      if (!deps.artifact) throw new ConnectorSetupError("no predictions file uploaded for this model version");
      try {
        return createPredictionsConnector(valid, deps.artifact);
      } catch (error) {
        throw new ConnectorSetupError((error as Error).message);
      }
  }
}
