import type { Connector } from "./connector";
import type { TfServingConfig } from "./connector-config.schema";
import { invokeHttpBatch } from "./invoke-http-batch";
import { renderHeaders } from "./render-template";
import { buildTfServingRequest, encodeTfServingInstance, parseTfServingResponse, tfServingUrl } from "./tfserving-mapping";

export function createTfServingConnector(config: TfServingConfig, secrets: Record<string, string>): Connector {
  return {
    maxBatchSize: config.maxBatchSize,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: config.maxBatchSize,
        secretValues: Object.values(secrets),
        encode: (item) => encodeTfServingInstance(config, item),
        buildRequest: (instances) => ({
          method: "POST",
          url: tfServingUrl(config),
          headers: renderHeaders(config.headers, { input: undefined, secrets }),
          body: buildTfServingRequest(instances),
        }),
        parse: (body, batch) => parseTfServingResponse(config, body, batch),
      }),
  };
}
