import { describe, expect, it } from "vitest";
import { httpConfigSchema } from "./http-config.schema";
import { buildHttpRequest, parseHttpResponse } from "./http-mapping";

const config = (extra: Record<string, unknown> = {}) => httpConfigSchema.parse({ kind: "http", url: "http://svc/predict", ...extra });

describe("generic HTTP mapping", () => {
  it("sends the input itself by default", () => {
    expect(buildHttpRequest(config(), { input: { text: "x" } }, {})).toEqual({ method: "POST", url: "http://svc/predict", headers: {}, body: { text: "x" } });
  });

  it("renders url, headers and body templates", () => {
    const c = config({
      url: "http://svc/predict/{{input.lang}}",
      headers: { authorization: "Bearer {{secret.token}}", "x-request-lang": "{{input.lang}}" },
      bodyTemplate: { data: { query: "{{input.text}}", meta: "{{input}}", fixed: [1, "two"] } },
    });
    const input = { text: "a/b", lang: "en us" };
    expect(buildHttpRequest(c, { input }, { token: "t0k" })).toEqual({
      method: "POST",
      url: "http://svc/predict/en%20us",
      headers: { authorization: "Bearer t0k", "x-request-lang": "en us" },
      body: { data: { query: "a/b", meta: input, fixed: [1, "two"] } },
    });
  });

  it("sends no body for GET", () => {
    expect(buildHttpRequest(config({ method: "GET", url: "http://svc/p?q={{input.q}}" }), { input: { q: "x y" } }, {}).body).toBeUndefined();
  });

  it("reads the output at outputPath", () => {
    expect(parseHttpResponse(config({ outputPath: "$.result.label" }), { result: { label: "ok" } })).toEqual({ ok: true, output: "ok" });
    expect(parseHttpResponse(config({ outputPath: "$.result.label" }), { result: {} })).toEqual({ ok: false, reason: "response has no value at $.result.label" });
    expect(parseHttpResponse(config(), [1, 2])).toEqual({ ok: true, output: [1, 2] });
  });

  it("rejects invalid configurations", () => {
    expect(() => config({ url: "ftp://x" })).toThrow();
    expect(() => config({ outputPath: "result.label" })).toThrow(/invalid JSON path/);
    expect(() => config({ headers: { "bad header": "x" } })).toThrow(/header name/);
  });
});
