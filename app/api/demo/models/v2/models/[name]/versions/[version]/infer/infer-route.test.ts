import { describe, expect, it } from "vitest";

// The demo model server answers only on demo instances.
process.env.RATCHET_DEMO = "1";
import type { InferDemoModelRequest } from "@/lib/demo/infer-demo-model.schema";
import { POST as inferRoute } from "./route";

const request = (texts: string[]): InferDemoModelRequest => ({
  inputs: [{ name: "text", shape: [texts.length], datatype: "BYTES", data: texts }],
});

/** What the infer route does, on a Request. */
function callInferRoute(name: string, version: string, body: string) {
  const httpRequest = new Request("http://test/infer", { method: "POST", body, headers: { "content-type": "application/json" } });
  return inferRoute(httpRequest, { params: Promise.resolve({ name, version }) });
}

describe("the infer route's request handling", () => {
  it("answers 200 with the inference", async () => {
    const response = await callInferRoute("sentiment", "3.0", JSON.stringify(request(["Not great."])));
    expect(response.status).toBe(200);
    expect((await response.json()).model_version).toBe("3.0");
  });

  it("answers 404 for an unknown version", async () => {
    const response = await callInferRoute("sentiment", "0.1", JSON.stringify(request(["x"])));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: 'Model "sentiment" version "0.1" not found.' } });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await callInferRoute("sentiment", "1.0", "{nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  it.each([
    ["no inputs", { inputs: [] }, "inputs"],
    ["no text input", { inputs: [{ name: "review", shape: [1], datatype: "BYTES", data: ["x"] }] }, "inputs"],
    ["wrong datatype", { inputs: [{ name: "text", shape: [1], datatype: "FP32", data: ["x"] }] }, "inputs.0.datatype"],
    ["shape mismatch", { inputs: [{ name: "text", shape: [2], datatype: "BYTES", data: ["x"] }] }, "inputs.0.shape"],
    ["non-string element", { inputs: [{ name: "text", shape: [2], datatype: "BYTES", data: ["x", 3] }] }, "inputs.0.data.1"],
    ["unknown output", { ...request(["x"]), outputs: [{ name: "logits" }] }, "outputs.0.name"],
  ])("answers 422 with field errors for %s", async (_name, body, path) => {
    const response = await callInferRoute("sentiment", "1.0", JSON.stringify(body));
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((f: { path: string }) => f.path)).toContain(`body.${path}`);
  });

  it("accepts a [n, 1] shape", async () => {
    const body = { inputs: [{ name: "text", shape: [2, 1], datatype: "BYTES", data: ["good", "bad"] }] };
    expect((await callInferRoute("sentiment", "1.0", JSON.stringify(body))).status).toBe(200);
  });
});
