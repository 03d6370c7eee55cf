import { z } from "zod";
import { headersSchema, httpUrlSchema, nameSchema } from "../shared/config-fields.schema";

/** OpenAI-compatible chat completions (OpenAI, vLLM, Ollama, LiteLLM, …). */
export const openAiConfigSchema = z.object({
  kind: z.literal("openai"),
  /** API root including `/v1`, as the OpenAI SDKs take it; requests go to `{baseUrl}/chat/completions`. */
  baseUrl: httpUrlSchema,
  /** Model name sent in the request. */
  model: nameSchema,
  /** The user message; `{{input}}` is the whole input (text as is, other JSON as JSON), `{{input.field}}` one field. */
  promptTemplate: z.string().min(1).max(50_000).default("{{input}}"),
  /** Optional system message (same placeholders). */
  systemPrompt: z.string().max(50_000).optional(),
  /** `max_tokens` of the request. Temperature is always 0: replays must be comparable. */
  maxTokens: z.number().int().min(1).max(32_000).default(256),
  /** Name of the secret sent as `Authorization: Bearer …`; omitted or unset: no Authorization header. */
  apiKeySecret: nameSchema.default("apiKey"),
  headers: headersSchema,
});

export type OpenAiConfig = z.output<typeof openAiConfigSchema>;
