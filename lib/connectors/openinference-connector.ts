import type { Connector } from "./connector";
import type { OpenInferenceConfig } from "./connector-config.schema";
import { invokeHttpBatch } from "./invoke-http-batch";
import { buildOpenInferenceRequest, encodeOpenInferenceInput, openInferenceUrl, parseOpenInferenceResponse } from "./openinference-mapping";
import { renderHeaders } from "./render-template";

export function createOpenInferenceConnector(config: OpenInferenceConfig, secrets: Record<string, string>): Connector {
  return {
    maxBatchSize: config.maxBatchSize,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: config.maxBatchSize,
        secretValues: Object.values(secrets),
        encode: (item) => encodeOpenInferenceInput(config, item),
        buildRequest: (values) => ({
          method: "POST",
          url: openInferenceUrl(config),
          headers: renderHeaders(config.headers, { input: undefined, secrets }),
          body: buildOpenInferenceRequest(config, values),
        }),
        parse: (body, batch) => parseOpenInferenceResponse(config, body, batch),
      }),
  };
}
