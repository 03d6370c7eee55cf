import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer, type ModelServerProtocol } from "@/lib/testing/model-servers/start-model-server";
import type { ConnectorContext, ConnectorItem } from "./connector";
import { createConnector } from "./create-connector";
import { isProjectLabel } from "./normalise-output";
import { onnxWorkerPool } from "./onnx/onnx-worker-pool";

// Every connector kind against a real local server (or the real ONNX runtime),
// including the failures the replay engine must classify.

const context: ConnectorContext = { timeoutMs: 2000, project: { outputKind: "label", labels: ["positive", "negative", "neutral"] } };
const texts = ["good value", "bad fit", "it is a chair", "good but bad", "so good", "meh"];
const expected = ["positive", "negative", "neutral", "positive", "positive", "neutral"];
const items = (expectationKind = "equals"): ConnectorItem[] =>
  texts.map((text, i) => ({ patternRevisionId: `rev${i}`, patternId: `pat${i}`, inputKind: "json", input: { text }, expectationKind }));

const servers: ModelServer[] = [];
async function server(protocol: ModelServerProtocol, behaviour?: Parameters<typeof startModelServer>[0]["behaviour"]) {
  const started = await startModelServer({ protocol, behaviour });
  servers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await onnxWorkerPool().close();
});

describe("openinference connector", () => {
  it("batches items into inference requests of at most maxBatchSize", async () => {
    const s = await server("openinference", { model: "sentiment" });
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "sentiment", version: "3", outputName: "label", maxBatchSize: 4 }, { secrets: {} });
    const { outcomes, exchanges } = await connector.invoke(items(), context);
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(expected);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]).toMatchObject({ method: "POST", path: "/v2/models/sentiment/versions/3/infer" });
    expect(s.requests[0]!.body).toEqual({ inputs: [{ name: "text", shape: [4], datatype: "BYTES", data: texts.slice(0, 4) }], outputs: [{ name: "label" }] });
    expect(exchanges).toHaveLength(2);
    expect(exchanges[1]!.response?.status).toBe(200);
  });

  it("ranks with scores and the server's labels for in_top_k", async () => {
    const s = await server("openinference");
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", scoresName: "scores" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items("in_top_k").slice(0, 1), context);
    expect(outcomes[0]).toMatchObject({ ok: true, output: [{ label: "positive", score: 0.8 }, { label: "neutral" }, { label: "negative" }] });
  });

  it("a wrong model name is a final HTTP 404", async () => {
    const s = await server("openinference", { model: "sentiment" });
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "other", outputName: "label" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items().slice(0, 2), context);
    expect(outcomes).toEqual([
      { ok: false, reason: "HTTP 404 from model server: model other not found", transient: false, latencyMs: expect.any(Number) },
      { ok: false, reason: "HTTP 404 from model server: model other not found", transient: false, latencyMs: expect.any(Number) },
    ]);
  });

  it("a missing output tensor is a final error naming it", async () => {
    const s = await server("openinference");
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "probability" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items().slice(0, 1), context);
    expect(outcomes[0]).toMatchObject({ ok: false, reason: "response has no output tensor 'probability'", transient: false });
  });
});

describe("openinference connector, a classifier answering INT64 class ids", () => {
  // The server's class order: positive 0, negative 1, neutral 2.
  const classIds = ["0", "1", "2", "0", "0", "2"];

  it("names the class ids through the configured labels", async () => {
    const s = await server("openinference", { classIds: true });
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "label", labels: ["positive", "negative", "neutral"] }, { secrets: {} });
    const { outcomes, exchanges } = await connector.invoke(items(), context);
    expect((exchanges[0]!.response!.body as { outputs: { datatype: string; data: unknown[] }[] }).outputs[0]).toMatchObject({ datatype: "INT64", data: [0, 1, 2, 0, 0, 2] });
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(expected);
  });

  it("without labels, a class id whose text is a project label becomes that label", async () => {
    const s = await server("openinference", { classIds: true });
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "label" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items(), { timeoutMs: 2000, project: { outputKind: "label", labels: ["0", "1", "2"] } });
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(classIds);
  });

  it("without labels in a project of named labels, the ids stay numbers and are not labels of the project", async () => {
    const s = await server("openinference", { classIds: true });
    const connector = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "label" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items(), context);
    const outputs = outcomes.map((o) => (o.ok ? o.output : o.reason));
    expect(outputs).toEqual([0, 1, 2, 0, 0, 2]);
    expect(outputs.some((output) => isProjectLabel(output, context.project))).toBe(false);
  });
});

describe("tfserving connector", () => {
  it("sends instances in batches and maps scores to labels", async () => {
    const s = await server("tfserving", { model: "sent" });
    const connector = createConnector(
      { kind: "tfserving", baseUrl: s.url, model: "sent", version: "7", inputPath: "$.text", outputPath: "$.scores", labels: ["positive", "negative", "neutral"], maxBatchSize: 3 },
      { secrets: {} },
    );
    const { outcomes } = await connector.invoke(items(), context);
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(expected);
    expect(s.requests.map((r) => r.path)).toEqual(["/v1/models/sent/versions/7:predict", "/v1/models/sent/versions/7:predict"]);
    expect(s.requests[0]!.body).toEqual({ instances: texts.slice(0, 3) });
  });
});

describe("mlflow connector", () => {
  it("posts dataframe_records in batches", async () => {
    const s = await server("mlflow");
    const connector = createConnector({ kind: "mlflow", baseUrl: s.url, maxBatchSize: 5 }, { secrets: {} });
    const { outcomes } = await connector.invoke(items(), context);
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(expected);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]!.body).toEqual({ dataframe_records: [{ text: "meh" }] });
  });

  it("posts inputs in the inputs format", async () => {
    const s = await server("mlflow");
    const connector = createConnector({ kind: "mlflow", baseUrl: s.url, format: "inputs", inputPath: "$.text" }, { secrets: {} });
    const { outcomes } = await connector.invoke(items().slice(0, 2), context);
    expect(outcomes.map((o) => o.ok && o.output)).toEqual(["positive", "negative"]);
    expect(s.requests[0]!.body).toEqual({ inputs: ["good value", "bad fit"] });
  });
});

describe("openai connector", () => {
  it("sends one chat completion per pattern with the API key and normalises labels", async () => {
    const s = await server("openai", { apiKey: "sk-test-123" });
    const connector = createConnector(
      { kind: "openai", baseUrl: `${s.url}/v1`, model: "tiny", systemPrompt: "Answer positive, negative or neutral.", promptTemplate: "Review: {{input.text}}" },
      { secrets: { apiKey: "sk-test-123" } },
    );
    expect(connector.maxBatchSize).toBe(1);
    const { outcomes, exchanges } = await connector.invoke(items().slice(0, 3), context);
    expect(outcomes.map((o) => (o.ok ? o.output : o.reason))).toEqual(expected.slice(0, 3));
    expect(s.requests).toHaveLength(3);
    expect(s.requests[0]!.headers.authorization).toBe("Bearer sk-test-123");
    expect(s.requests[0]!.body).toMatchObject({ model: "tiny", temperature: 0, messages: [{ role: "system" }, { role: "user", content: "Review: good value" }] });
    expect(exchanges[0]!.request.headers.authorization).toBe("[redacted]");
    expect(JSON.stringify(exchanges)).not.toContain("sk-test-123");
  });

  it("a wrong API key is a final HTTP 401", async () => {
    const s = await server("openai", { apiKey: "sk-right" });
    const connector = createConnector({ kind: "openai", baseUrl: `${s.url}/v1`, model: "tiny" }, { secrets: { apiKey: "sk-wrong" } });
    const { outcomes } = await connector.invoke(items().slice(0, 1), context);
    expect(outcomes[0]).toMatchObject({ ok: false, reason: "HTTP 401 from model server: Incorrect API key provided", transient: false });
  });
});

describe("http connector", () => {
  it("renders the body template and reads the output path", async () => {
    const s = await server("json");
    const connector = createConnector(
      { kind: "http", url: `${s.url}/score`, headers: { "x-api-key": "{{secret.key}}" }, bodyTemplate: { review: "{{input.text}}", meta: { source: "ratchet" } }, outputPath: "$.result.label" },
      { secrets: { key: "k-42" } },
    );
    const { outcomes, exchanges } = await connector.invoke(items().slice(0, 2), context);
    expect(outcomes.map((o) => o.ok && o.output)).toEqual(["positive", "negative"]);
    expect(s.requests[0]!.body).toEqual({ review: "good value", meta: { source: "ratchet" } });
    expect(s.requests[0]!.headers["x-api-key"]).toBe("k-42");
    expect(exchanges[0]!.request.headers["x-api-key"]).toBe("[redacted]");
  });

  it("a pattern input without the templated field fails alone, without a call", async () => {
    const s = await server("json");
    const connector = createConnector({ kind: "http", url: s.url, bodyTemplate: { q: "{{input.question}}" } }, { secrets: {} });
    const { outcomes } = await connector.invoke(items().slice(0, 1), context);
    expect(outcomes[0]).toMatchObject({ ok: false, reason: 'pattern input has no field "question"', transient: false });
    expect(s.requests).toHaveLength(0);
  });
});

describe("fault classification", () => {
  let s: ModelServer;
  beforeAll(async () => {
    s = await server("openinference");
  });
  afterEach(() => s.setFault(null));
  const invoke = (timeoutMs = 2000) =>
    createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "label" }, { secrets: {} }).invoke(items().slice(0, 2), { ...context, timeoutMs });

  it("HTTP 500 is transient", async () => {
    s.setFault({ kind: "status", status: 500 });
    const { outcomes, exchanges } = await invoke();
    expect(outcomes[0]).toMatchObject({ ok: false, transient: true, reason: "HTTP 500 from model server: injected HTTP 500" });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(exchanges[0]!.response?.status).toBe(500);
  });

  it("HTTP 429 and 503 are transient, 400 is final", async () => {
    for (const [status, transient] of [[429, true], [503, true], [400, false]] as const) {
      s.setFault({ kind: "status", status });
      const { outcomes } = await invoke();
      expect(outcomes[0]).toMatchObject({ ok: false, transient, reason: expect.stringContaining(`HTTP ${status}`) });
    }
  });

  it("a body that is not JSON is final", async () => {
    s.setFault({ kind: "garbage" });
    const { outcomes } = await invoke();
    expect(outcomes[0]).toMatchObject({ ok: false, transient: false, reason: "model server response is not JSON" });
  });

  it("a reset connection is transient", async () => {
    s.setFault({ kind: "reset" });
    const { outcomes } = await invoke();
    expect(outcomes[0]).toMatchObject({ ok: false, transient: true, reason: expect.stringMatching(/reset|network error/) });
  });

  it("a hanging server times out, transient, with the timeout in the reason", async () => {
    s.setFault({ kind: "hang" });
    const started = Date.now();
    const { outcomes } = await invoke(300);
    expect(outcomes[0]).toMatchObject({ ok: false, transient: true, reason: "timed out after 300 ms" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a slow answer within the timeout is fine; beyond it, a timeout", async () => {
    s.setFault({ kind: "delay", ms: 100 });
    expect((await invoke(1000)).outcomes[0]).toMatchObject({ ok: true, output: "positive" });
    s.setFault({ kind: "delay", ms: 600 });
    expect((await invoke(200)).outcomes[0]).toMatchObject({ ok: false, transient: true, reason: "timed out after 200 ms" });
  });

  it("a refused connection is transient", async () => {
    const closed = await startModelServer({ protocol: "json" });
    await closed.close();
    const connector = createConnector({ kind: "http", url: closed.url }, { secrets: {} });
    const { outcomes } = await connector.invoke(items().slice(0, 1), context);
    expect(outcomes[0]).toMatchObject({ ok: false, transient: true, reason: "connection refused by model server" });
  });

  it("faults can be limited to the next N requests", async () => {
    s.setFault({ kind: "status", status: 503 }, { times: 1 });
    expect((await invoke()).outcomes[0]).toMatchObject({ ok: false, transient: true });
    expect((await invoke()).outcomes[0]).toMatchObject({ ok: true });
  });

  it("the caller's signal cancels the call", async () => {
    s.setFault({ kind: "hang" });
    const controller = new AbortController();
    const pending = createConnector({ kind: "openinference", baseUrl: s.url, model: "m", outputName: "label" }, { secrets: {} }).invoke(items().slice(0, 1), {
      ...context,
      timeoutMs: 5000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await pending).outcomes[0]).toMatchObject({ ok: false, transient: true, reason: "cancelled" });
  });
});

describe("onnx connector", () => {
  const data = new Uint8Array(readFileSync("lib/connectors/onnx/fixtures/iris-linear-classifier.onnx"));
  const sha256 = createHash("sha256").update(data).digest("hex");
  const fixture = JSON.parse(readFileSync("lib/connectors/onnx/fixtures/iris-samples.json", "utf8")) as {
    labels: string[];
    samples: { features: number[]; label: string; probabilities: number[] }[];
  };
  const config = { kind: "onnx", inputName: "features", inputPath: "$.features", labelOutput: "label", probabilitiesOutput: "probabilities", labels: fixture.labels, maxBatchSize: 4 };
  const irisItems = (expectationKind: string): ConnectorItem[] =>
    fixture.samples.map((s, i) => ({ patternRevisionId: `r${i}`, patternId: `p${i}`, inputKind: "json", input: { features: s.features }, expectationKind }));

  it("the committed fixture is small", () => {
    expect(data.byteLength).toBeLessThan(50_000);
  });

  it("runs the fixture on worker threads and agrees with sklearn", async () => {
    const connector = createConnector(config, { secrets: {}, artifact: { sha256, data } });
    const { outcomes, exchanges } = await connector.invoke(irisItems("equals"), context);
    expect(outcomes.map((o) => o.ok && o.output)).toEqual(fixture.samples.map((s) => s.label));
    expect(exchanges).toHaveLength(3);
    const workerThreads = onnxWorkerPool().threadIds();
    expect(workerThreads.length).toBeGreaterThan(0);
    expect(workerThreads).not.toContain(threadId);

    const ranked = await connector.invoke(irisItems("in_top_k"), context);
    ranked.outcomes.forEach((outcome, i) => {
      const output = (outcome.ok ? outcome.output : []) as { label: string; score: number }[];
      expect(output[0]!.label).toBe(fixture.samples[i]!.label);
      for (const { label, score } of output) expect(score).toBeCloseTo(fixture.samples[i]!.probabilities[fixture.labels.indexOf(label)]!, 4);
    });
  });

  it("a wrong input name is a final error; bad input fails only its item", async () => {
    const wrong = createConnector({ ...config, inputName: "x" }, { secrets: {}, artifact: { sha256, data } });
    expect((await wrong.invoke(irisItems("equals").slice(0, 1), context)).outcomes[0]).toMatchObject({ ok: false, transient: false, reason: expect.stringMatching(/^ONNX model failed/) });
    const connector = createConnector(config, { secrets: {}, artifact: { sha256, data } });
    const mixed = [...irisItems("equals").slice(0, 1), { ...irisItems("equals")[0]!, input: { features: "no" } }];
    const { outcomes } = await connector.invoke(mixed, context);
    expect(outcomes[0]).toMatchObject({ ok: true, output: "setosa" });
    expect(outcomes[1]).toMatchObject({ ok: false, transient: false, reason: "input at $.features must be a number array" });
  });

  it("garbage bytes are a final error", async () => {
    const garbage = new TextEncoder().encode("not a model");
    const connector = createConnector(config, { secrets: {}, artifact: { sha256: "0".repeat(64), data: garbage } });
    expect((await connector.invoke(irisItems("equals").slice(0, 1), context)).outcomes[0]).toMatchObject({ ok: false, transient: false });
  });

  it("refuses to build without an artifact", () => {
    expect(() => createConnector(config, { secrets: {} })).toThrow(/no ONNX model uploaded/);
  });
});

describe("predictions connector", () => {
  const file = new TextEncoder().encode('patternRevisionId,patternId,output\nrev0,,positive\n,pat1,"[""negative"",""neutral""]"\n');
  it("looks outputs up by revision, then pattern; a missing one is final 'no prediction'", async () => {
    const connector = createConnector({ kind: "predictions" }, { secrets: {}, artifact: { sha256: "x", data: file } });
    const { outcomes } = await connector.invoke(items().slice(0, 3), context);
    expect(outcomes).toEqual([
      { ok: true, output: "positive", latencyMs: 0 },
      { ok: true, output: ["negative", "neutral"], latencyMs: 0 },
      { ok: false, reason: "no prediction for this pattern", transient: false, latencyMs: 0 },
    ]);
  });
});
