import { describe, expect, it } from "vitest";
import { jsonResponse } from "./json-response";

describe("jsonResponse", () => {
  it("writes BigInt values (audit ids) as strings, wherever they are", async () => {
    const response = jsonResponse({ id: 12345678901234567890n, nested: [{ at: new Date("2026-12-02T00:00:00Z"), n: 1n }] }, 201);
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ id: "12345678901234567890", nested: [{ at: "2026-12-02T00:00:00.000Z", n: "1" }] });
  });

  it("writes plain values unchanged and still refuses a circular value", async () => {
    expect(await jsonResponse({ a: [1, "x", null, true] }).json()).toEqual({ a: [1, "x", null, true] });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => jsonResponse(circular)).toThrow(TypeError);
  });
});
