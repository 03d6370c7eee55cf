import type { Connector } from "./connector";
import type { MlflowConfig } from "./connector-config.schema";
import { invokeHttpBatch } from "./invoke-http-batch";
import { buildMlflowRequest, encodeMlflowRow, mlflowUrl, parseMlflowResponse } from "./mlflow-mapping";
import { renderHeaders } from "./render-template";

export function createMlflowConnector(config: MlflowConfig, secrets: Record<string, string>): Connector {
  return {
    maxBatchSize: config.maxBatchSize,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: config.maxBatchSize,
        secretValues: Object.values(secrets),
        encode: (item) => encodeMlflowRow(config, item),
        buildRequest: (rows) => ({
          method: "POST",
          url: mlflowUrl(config),
          headers: renderHeaders(config.headers, { input: undefined, secrets }),
          body: buildMlflowRequest(config, rows),
        }),
        parse: (body, batch) => parseMlflowResponse(config, body, batch),
      }),
  };
}
