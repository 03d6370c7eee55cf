import { describe, expect, it } from "vitest";
import { TemplateError, renderHeaders, renderJsonTemplate, renderTextTemplate, secretReferences } from "./render-template";

const input = { text: 'He said "hi" }, {"x": 1', n: 3, tags: ["a", "b"], nested: { deep: { v: true } } };

describe("renderJsonTemplate", () => {
  it("substitutes whole-string placeholders by JSON value, keeping types", () => {
    expect(renderJsonTemplate({ q: "{{input.text}}", n: "{{ input.n }}", tags: "{{input.tags}}", all: "{{input}}", lit: 7 }, { input })).toEqual({
      q: input.text,
      n: 3,
      tags: ["a", "b"],
      all: input,
      lit: 7,
    });
    expect(renderJsonTemplate("{{input}}", { input: "plain" })).toBe("plain");
  });

  it("splices placeholders inside longer strings as text, never as JSON structure", () => {
    const rendered = renderJsonTemplate({ prompt: "Review: {{input.text}} ({{input.n}} stars, {{input.tags}})" }, { input });
    expect(rendered).toEqual({ prompt: `Review: ${input.text} (3 stars, ["a","b"])` });
    // The injected quote and brace stayed inside one string value.
    expect(Object.keys(rendered as object)).toEqual(["prompt"]);
  });

  it("reaches into arrays and nested objects", () => {
    expect(renderJsonTemplate(["{{input.tags.1}}", "{{input.nested.deep.v}}"], { input })).toEqual(["b", true]);
  });

  it("does not template object keys", () => {
    expect(renderJsonTemplate({ "{{input.text}}": 1 }, { input })).toEqual({ "{{input.text}}": 1 });
  });

  it("fails on a missing field or secret", () => {
    expect(() => renderJsonTemplate({ q: "{{input.nope}}" }, { input })).toThrow(new TemplateError('pattern input has no field "nope"'));
    expect(() => renderTextTemplate("Bearer {{secret.key}}", { input, secrets: {} })).toThrow(/secret "key" is not set/);
  });
});

describe("renderTextTemplate and headers", () => {
  it("escapes for URLs when asked", () => {
    expect(renderTextTemplate("https://m/x?q={{input.text}}", { input: { text: "a b&c" } }, encodeURIComponent)).toBe("https://m/x?q=a%20b%26c");
  });

  it("renders secrets into headers and lists the secrets a template names", () => {
    expect(renderHeaders({ authorization: "Bearer {{secret.apiKey}}", "x-n": "{{input.n}}" }, { input, secrets: { apiKey: "sk-1" } })).toEqual({
      authorization: "Bearer sk-1",
      "x-n": "3",
    });
    expect(secretReferences({ a: "Bearer {{secret.apiKey}}", b: "{{ secret.other }}", c: "{{input.text}}" })).toEqual(["apiKey", "other"]);
  });

  it("leaves text without placeholders alone", () => {
    expect(renderTextTemplate("{{ not a placeholder }} {input}", { input })).toBe("{{ not a placeholder }} {input}");
  });
});
