import type { OutputKind } from "@/lib/db/generated/enums";
import type { ConnectorItem } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import type { ItemResult } from "../shared/item-result";
import { normaliseLabel } from "./normalise-label";
import { renderHeaders, renderTextTemplate } from "../shared/render-template";
import type { OpenAiConfig } from "./openai-config.schema";

// OpenAI-compatible chat completions: POST {baseUrl}/chat/completions,
// answer in choices[0].message.content. One pattern per call.
// https://platform.openai.com/docs/api-reference/chat/create

export function openAiUrl(config: Pick<OpenAiConfig, "baseUrl">): string {
  return `${config.baseUrl}/chat/completions`;
}

export type ChatCompletionRequest = {
  model: string;
  messages: { role: "system" | "user"; content: string }[];
  temperature: 0;
  max_tokens: number;
};

/** The chat request for one item (throws TemplateError when the prompt names a missing input field). */
export function buildOpenAiRequest(config: OpenAiConfig, item: Pick<ConnectorItem, "input">): ChatCompletionRequest {
  const scope = { input: item.input };
  const messages: ChatCompletionRequest["messages"] = [];
  if (config.systemPrompt) messages.push({ role: "system", content: renderTextTemplate(config.systemPrompt, scope) });
  messages.push({ role: "user", content: renderTextTemplate(config.promptTemplate, scope) });
  return { model: config.model, messages, temperature: 0, max_tokens: config.maxTokens };
}

function stripCodeFence(text: string): string {
  const fenced = /^```[\w-]*\s*\n?([\s\S]*?)\n?```$/.exec(text.trim());
  return fenced ? fenced[1]! : text;
}

/** The answer as the project's output kind: a project label, a number, JSON, or the text as it came. */
export function outputFromAnswer(answer: string, project: { outputKind: OutputKind; labels: readonly string[] }): unknown {
  switch (project.outputKind) {
    case "label":
      return normaliseLabel(answer, project.labels);
    case "number": {
      const text = answer.trim();
      const number = Number(text);
      return text !== "" && Number.isFinite(number) ? number : answer;
    }
    case "json":
      try {
        return JSON.parse(stripCodeFence(answer)) as unknown;
      } catch {
        return answer;
      }
    case "text":
      return answer;
  }
}

export function parseOpenAiResponse(body: unknown, project: { outputKind: OutputKind; labels: readonly string[] }): ItemResult {
  const choices = body !== null && typeof body === "object" ? (body as { choices?: unknown }).choices : undefined;
  if (!Array.isArray(choices) || choices.length === 0) return { ok: false, reason: "response has no choices" };
  const content = (choices[0] as { message?: { content?: unknown } } | null)?.message?.content;
  if (typeof content !== "string") return { ok: false, reason: "response has no choices[0].message.content" };
  return { ok: true, output: outputFromAnswer(content, project) };
}

/** Unbatched: one chat completion per pattern; the secret named by apiKeySecret goes as a Bearer token. */
export const openAiMapping: HttpMapping<OpenAiConfig> = {
  transport: "http",
  encode: (_config, item) => ({ ok: true, value: item }),
  request(config, _values, [item], secrets) {
    const apiKey = secrets[config.apiKeySecret];
    const headers = { ...renderHeaders(config.headers, { input: undefined, secrets }), ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
    return { method: "POST", url: openAiUrl(config), headers, body: buildOpenAiRequest(config, item!) };
  },
  parse: (_config, body, _items, project) => ({ items: [parseOpenAiResponse(body, project)] }),
};
