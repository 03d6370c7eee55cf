import { describe, expect, it } from "vitest";
import { redactExchange, redactSecrets } from "./redact-exchange";

describe("redactExchange", () => {
  it("masks credential headers and every secret value wherever it appears", () => {
    const exchange = redactExchange(
      {
        request: {
          method: "POST",
          url: "http://m/x?key=s3cr3t-value",
          headers: { Authorization: "Bearer anything", "x-custom": "token s3cr3t-value", accept: "application/json" },
          body: { nested: ["s3cr3t-value", { k: "prefix-s3cr3t-value" }], n: 1 },
        },
        response: { status: 200, body: { echo: "s3cr3t-value" } },
      },
      ["s3cr3t-value", ""],
    );
    expect(exchange).toEqual({
      request: {
        method: "POST",
        url: "http://m/x?key=[redacted]",
        headers: { Authorization: "[redacted]", "x-custom": "token [redacted]", accept: "application/json" },
        body: { nested: ["[redacted]", { k: "prefix-[redacted]" }], n: 1 },
      },
      response: { status: 200, body: { echo: "[redacted]" } },
    });
    expect(JSON.stringify(exchange)).not.toContain("s3cr3t");
  });
});

describe("redactSecrets", () => {
  it("replaces every secret value in an output or reason, longest first, keys included; other values stay", () => {
    const secrets = ["tok", "tok-longer-secret"];
    expect(redactSecrets({ answer: "Bearer tok-longer-secret and tok", ["tok-longer-secret"]: [1, "tok"] }, secrets)).toEqual({
      answer: "Bearer [redacted] and [redacted]",
      "[redacted]": [1, "[redacted]"],
    });
    expect(redactSecrets("HTTP 401: bad key tok", secrets)).toBe("HTTP 401: bad key [redacted]");
    expect(redactSecrets(42, secrets)).toBe(42);
    expect(redactSecrets("nothing here", [])).toBe("nothing here");
  });
});
