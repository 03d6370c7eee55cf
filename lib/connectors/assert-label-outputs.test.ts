import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors/domain-errors";
import { assertOutputsAreLabels } from "./assert-label-outputs";

const project = { outputKind: "label" as const, labels: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] };
const ok = (output: unknown) => ({ ok: true as const, output, latencyMs: 1 });
const failed = { ok: false as const, reason: "connection refused by model server", transient: true, latencyMs: 1 };

function refusal(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("assertOutputsAreLabels", () => {
  it("passes when one output is a project label, when no call answered, and outside label projects", () => {
    expect(() => assertOutputsAreLabels([ok("cat"), ok("3")], project, "openinference", "body.connector")).not.toThrow();
    expect(() => assertOutputsAreLabels([failed, failed], project, "openinference", "body.connector")).not.toThrow();
    expect(() => assertOutputsAreLabels([ok(42)], { outputKind: "number", labels: [] }, "http", "body.connector")).not.toThrow();
  });

  it("refuses class ids with a 422 on the connector's labels, naming what came and what was expected", () => {
    const error = refusal(() => assertOutputsAreLabels([ok(42), ok(17), failed], { outputKind: "label", labels: ["cat", "dog"] }, "openinference", "body.connector"));
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      "The model answered 42, 17 for the project's first 2 patterns: not labels of this project (expected one of cat, dog). These look like class ids: set labels to the class names in id order.",
    );
    expect(error.fields).toEqual([{ path: "body.connector.labels", message: "the model answers class ids (42, 17); list the class names in id order" }]);
  });

  it("refuses other answers on the field that picks the output, listing at most ten labels", () => {
    const error = refusal(() => assertOutputsAreLabels([ok("positive")], project, "http", "connector"));
    expect(error.message).toBe("The model answered positive for the project's first pattern: not labels of this project (expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …).");
    expect(error.fields).toEqual([{ path: "connector.outputPath", message: "the model answers positive, not one of the project's labels (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …)" }]);
    // Kinds without labels never point at a labels field, class ids or not.
    expect(refusal(() => assertOutputsAreLabels([ok(42)], project, "http", "connector")).fields?.[0]?.path).toBe("connector.outputPath");
  });
});
