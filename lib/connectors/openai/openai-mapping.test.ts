import { describe, expect, it } from "vitest";
import { openAiConfigSchema } from "./openai-config.schema";
import { buildOpenAiRequest, openAiUrl, outputFromAnswer, parseOpenAiResponse } from "./openai-mapping";

const config = (extra: Record<string, unknown> = {}) => openAiConfigSchema.parse({ kind: "openai", baseUrl: "https://llm.local/v1", model: "gpt-x", ...extra });
const labelProject = { outputKind: "label" as const, labels: ["positive", "negative"] };

describe("OpenAI mapping", () => {
  it("renders the prompt and system message with temperature 0", () => {
    const c = config({ systemPrompt: "Answer with one of: positive, negative.", promptTemplate: "Review: {{input.text}}", maxTokens: 5 });
    expect(openAiUrl(c)).toBe("https://llm.local/v1/chat/completions");
    expect(buildOpenAiRequest(c, { input: { text: "so good" } })).toEqual({
      model: "gpt-x",
      messages: [
        { role: "system", content: "Answer with one of: positive, negative." },
        { role: "user", content: "Review: so good" },
      ],
      temperature: 0,
      max_tokens: 5,
    });
    expect(buildOpenAiRequest(config(), { input: { a: 1 } }).messages).toEqual([{ role: "user", content: '{"a":1}' }]);
    expect(() => buildOpenAiRequest(c, { input: "plain" })).toThrow(/no field "text"/);
  });

  it("normalises label answers and keeps unknown answers raw", () => {
    expect(parseOpenAiResponse({ choices: [{ message: { content: " Negative." } }] }, labelProject)).toEqual({ ok: true, output: "negative" });
    expect(parseOpenAiResponse({ choices: [{ message: { content: "I think it's mixed" } }] }, labelProject)).toEqual({ ok: true, output: "I think it's mixed" });
  });

  it("reads numbers and JSON for those output kinds", () => {
    expect(outputFromAnswer(" 4.5 ", { outputKind: "number", labels: [] })).toBe(4.5);
    expect(outputFromAnswer("about 4", { outputKind: "number", labels: [] })).toBe("about 4");
    expect(outputFromAnswer('```json\n{"a": 1}\n```', { outputKind: "json", labels: [] })).toEqual({ a: 1 });
    expect(outputFromAnswer("not json", { outputKind: "json", labels: [] })).toBe("not json");
    expect(outputFromAnswer(" Text ", { outputKind: "text", labels: [] })).toBe(" Text ");
  });

  it("explains malformed responses", () => {
    expect(parseOpenAiResponse({}, labelProject)).toEqual({ ok: false, reason: "response has no choices" });
    expect(parseOpenAiResponse({ choices: [] }, labelProject)).toEqual({ ok: false, reason: "response has no choices" });
    expect(parseOpenAiResponse({ choices: [{ message: { content: null } }] }, labelProject)).toEqual({ ok: false, reason: "response has no choices[0].message.content" });
  });
});
