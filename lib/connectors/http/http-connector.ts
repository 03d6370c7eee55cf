import type { Connector } from "../connector";
import type { HttpConfig } from "../connector-config.schema";
import { buildHttpRequest, parseHttpResponse } from "./http-mapping";
import { invokeHttpBatch } from "../shared/invoke-http-batch";

/** Unbatched: one request per pattern. */
export function createHttpConnector(config: HttpConfig, secrets: Record<string, string>): Connector {
  return {
    maxBatchSize: 1,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: 1,
        secretValues: Object.values(secrets),
        encode: (item) => ({ ok: true, value: item }),
        buildRequest: ([item]) => buildHttpRequest(config, item!, secrets),
        parse: (body) => ({ items: [parseHttpResponse(config, body)] }),
      }),
  };
}
