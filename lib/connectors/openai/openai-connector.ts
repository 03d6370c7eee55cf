import type { Connector } from "../connector";
import type { OpenAiConfig } from "../connector-config.schema";
import { invokeHttpBatch } from "../shared/invoke-http-batch";
import { buildOpenAiRequest, openAiUrl, parseOpenAiResponse } from "./openai-mapping";
import { renderHeaders } from "../shared/render-template";

/** Unbatched: one chat completion per pattern. */
export function createOpenAiConnector(config: OpenAiConfig, secrets: Record<string, string>): Connector {
  const apiKey = secrets[config.apiKeySecret];
  return {
    maxBatchSize: 1,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: 1,
        secretValues: Object.values(secrets),
        encode: (item) => ({ ok: true, value: item }),
        buildRequest: ([item]) => ({
          method: "POST",
          url: openAiUrl(config),
          headers: { ...renderHeaders(config.headers, { input: undefined, secrets }), ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          body: buildOpenAiRequest(config, item!),
        }),
        parse: (body) => ({ items: [parseOpenAiResponse(body, context.project)] }),
      }),
  };
}
