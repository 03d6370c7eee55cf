import { describe, expect, it } from "vitest";
import { canChangeModelStatus } from "./model-status-transitions";

describe("model status transitions", () => {
  it.each([
    ["candidate", "production", true],
    ["candidate", "rejected", true],
    ["candidate", "retired", true],
    ["production", "retired", true],
    ["retired", "production", true],
    ["rejected", "candidate", true],
    ["production", "candidate", false],
    ["production", "rejected", false],
    ["retired", "candidate", false],
    ["rejected", "production", false],
    ["rejected", "retired", false],
    ["candidate", "candidate", true],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canChangeModelStatus(from, to)).toBe(allowed);
  });
});
