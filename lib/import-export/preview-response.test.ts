import { describe, expect, it } from "vitest";
import type { ImportPreview } from "./import-patterns";
import { previewResponse } from "./preview-response";

const previewOf = (count: number): ImportPreview => ({
  dryRun: true,
  format: "csv",
  rows: Array.from({ length: count }, (_, i) => ({ row: i + 2, ok: i % 7 !== 0, problem: "SENT-1", name: `Row "${i}"`, errors: i % 7 ? [] : [{ path: `row ${i + 2}: name`, message: "bad" }], warnings: [] })),
  valid: count - Math.ceil(count / 7),
  invalid: Math.ceil(count / 7),
});

describe("previewResponse", () => {
  it.each([0, 1, 499, 500, 501, 3001])("writes the same JSON as one JSON.stringify, for %i rows", async (count) => {
    const preview = previewOf(count);
    const response = previewResponse(preview);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(await response.text())).toEqual(preview);
  });
});
