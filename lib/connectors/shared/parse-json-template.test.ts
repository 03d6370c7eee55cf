import { describe, expect, it } from "vitest";
import { parseJsonTemplate } from "./parse-json-template";

describe("parseJsonTemplate", () => {
  it("returns the parsed value of valid JSON, placeholders in strings included", () => {
    expect(parseJsonTemplate('{ "review": "{{input.text}}", "n": 2 }')).toEqual({ ok: true, value: { review: "{{input.text}}", n: 2 } });
    expect(parseJsonTemplate('"{{input}}"')).toEqual({ ok: true, value: "{{input}}" });
  });

  it("says in words that a placeholder outside quotes must go inside them, where, and never the parser's raw message", () => {
    const parsed = parseJsonTemplate('{"input": {{input}}}');
    expect(parsed).toEqual({
      ok: false,
      reason:
        'is not valid JSON at line 1, column 12: a field name in double quotes (or a closing }) was expected. Placeholders go inside quotes, e.g. "input": "{{input}}" (a string that is exactly one placeholder is replaced by the value itself).',
    });
    expect(parseJsonTemplate("{{input}}")).toMatchObject({ ok: false, reason: expect.stringContaining('Placeholders go inside quotes, e.g. "input": "{{input}}"') });
  });

  it("counts lines and columns across line breaks", () => {
    expect(parseJsonTemplate('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, reason: "is not valid JSON at line 3, column 3: a comma or a closing } is missing after a value." });
  });

  it("names common mistakes without a placeholder hint when every placeholder is quoted", () => {
    expect(parseJsonTemplate('{"a": "{{input}}",}')).toEqual({
      ok: false,
      reason: "is not valid JSON at line 1, column 19: a field name must be in double quotes, and no comma may come before a closing }.",
    });
    expect(parseJsonTemplate('{"a": "x')).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not valid JSON.*(no closing "|ends too early)/) });
    expect(parseJsonTemplate('{"a": 1} extra')).toEqual({ ok: false, reason: "is not valid JSON at line 1, column 10: there is more text after the JSON value ends." });
  });
});
