import type { Connector, ConnectorExchange, ConnectorOutcome } from "../connector";
import type { OnnxConfig } from "./onnx-config.schema";
import type { ParsedResponse } from "../shared/item-result";
import { buildOnnxFeed, encodeOnnxInput, parseOnnxOutputs } from "./onnx-mapping";
import { OnnxRunError, onnxWorkerPool, type OnnxArtifact } from "./onnx-worker-pool";

/** Runs an uploaded ONNX model in the process's worker-thread pool, in batches. */
export function createOnnxConnector(config: OnnxConfig, artifact: OnnxArtifact, maxBatchSize: number): Connector {
  const outputNames = [config.labelOutput, config.probabilitiesOutput].filter((n): n is string => Boolean(n));
  return {
    maxBatchSize,
    async invoke(items, context) {
      const outcomes: ConnectorOutcome[] = new Array(items.length);
      const exchanges: ConnectorExchange[] = [];
      const sendable: { index: number; row: number[] }[] = [];
      items.forEach((item, index) => {
        const encoded = encodeOnnxInput(config, item);
        if (encoded.ok) sendable.push({ index, row: encoded.value });
        else outcomes[index] = { ok: false, reason: encoded.reason, transient: false, latencyMs: 0 };
      });
      for (let start = 0; start < sendable.length; start += maxBatchSize) {
        const batch = sendable.slice(start, start + maxBatchSize);
        const batchItems = batch.map((b) => items[b.index]!);
        const started = performance.now();
        const request = { method: "ONNX", url: `onnx:sha256:${artifact.sha256}`, headers: {}, body: { [config.inputName]: batch.map((b) => b.row) } };
        let parsed: ParsedResponse;
        let transient = false;
        try {
          const feed = buildOnnxFeed(config, batch.map((b) => b.row));
          const outputs = await onnxWorkerPool().run(artifact, { [config.inputName]: feed }, outputNames, context.timeoutMs, context.signal);
          exchanges.push({ request, response: { status: null, body: outputs } });
          parsed = parseOnnxOutputs(config, outputs, batchItems);
        } catch (error) {
          transient = error instanceof OnnxRunError && error.transient;
          const message = error instanceof Error ? error.message : String(error);
          exchanges.push({ request, response: null });
          parsed = { error: transient ? message : `ONNX model failed: ${message}` };
        }
        const latencyMs = Math.round(performance.now() - started);
        batch.forEach(({ index }, i) => {
          const result = "error" in parsed ? { ok: false as const, reason: parsed.error } : parsed.items[i]!;
          outcomes[index] = result.ok ? { ok: true, output: result.output, latencyMs } : { ok: false, reason: result.reason, transient, latencyMs };
        });
      }
      return { outcomes, exchanges };
    },
  };
}
