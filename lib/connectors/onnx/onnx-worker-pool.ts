import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ONNX_WORKER_SOURCE } from "./onnx-worker-source";

// ONNX inference off the main thread: a small pool of worker threads, each
// caching sessions per artifact checksum. A call that overruns its timeout
// restarts its worker (onnxruntime cannot cancel a run), failing whatever else
// that worker had in hand as transient.

export type OnnxTensorType = "float32" | "float64" | "int32" | "int64";
export type OnnxFeed = { type: OnnxTensorType; data: Float32Array | Float64Array | Int32Array | BigInt64Array; dims: number[] };
export type OnnxOutput = { type: string; dims: number[]; data: unknown[] };
export type OnnxArtifact = { sha256: string; data: Uint8Array };

export class OnnxRunError extends Error {
  constructor(message: string, readonly transient: boolean) {
    super(message);
    this.name = "OnnxRunError";
  }
}

type Reply = { id: number; outputs?: Record<string, OnnxOutput>; inputNames?: string[]; outputNames?: string[]; needModel?: true; error?: string };
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

class PoolWorker {
  readonly worker: Worker;
  readonly loaded = new Set<string>();
  readonly pending = new Map<number, Pending>();

  constructor(onnxRuntimePath: string, onExit: (w: PoolWorker) => void) {
    this.worker = new Worker(ONNX_WORKER_SOURCE, { eval: true, workerData: { onnxRuntimePath } });
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      waiting.resolve(reply);
    });
    const fail = (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(new OnnxRunError(`ONNX worker stopped: ${error.message}`, true));
      this.pending.clear();
      onExit(this);
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
  }

  post(message: Record<string, unknown>, id: number, transfer: ArrayBuffer[] = []): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }
}

class OnnxWorkerPool {
  private workers: PoolWorker[] = [];
  private nextId = 1;
  private readonly onnxRuntimePath = createRequire(path.join(process.cwd(), "package.json")).resolve("onnxruntime-node");

  constructor(private readonly size: number) {}

  private pick(): PoolWorker {
    while (this.workers.length < this.size) this.workers.push(new PoolWorker(this.onnxRuntimePath, (w) => this.remove(w)));
    return this.workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
  }

  private remove(worker: PoolWorker) {
    this.workers = this.workers.filter((w) => w !== worker);
  }

  /** Sends a message; when the worker has no session for the artifact yet, sends again with the model bytes. */
  private async request(artifact: OnnxArtifact, message: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<Reply> {
    const worker = this.pick();
    const send = (withModel: boolean) =>
      worker.post({ ...message, sha256: artifact.sha256, ...(withModel ? { model: artifact.data } : {}) }, this.nextId++);
    const run = async () => {
      let reply = await send(worker.loaded.has(artifact.sha256));
      if (reply.needModel) reply = await send(true);
      if (reply.error) throw new OnnxRunError(reply.error, false);
      worker.loaded.add(artifact.sha256);
      return reply;
    };
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        void worker.worker.terminate();
        reject(new OnnxRunError(`timed out after ${timeoutMs} ms`, true));
      }, timeoutMs);
      onAbort = () => reject(new OnnxRunError("cancelled", true));
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([run(), stop]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  async run(artifact: OnnxArtifact, feeds: Record<string, OnnxFeed>, outputNames: string[] | undefined, timeoutMs: number, signal?: AbortSignal) {
    const reply = await this.request(artifact, { type: "run", feeds, outputNames }, timeoutMs, signal);
    return reply.outputs ?? {};
  }

  async inspect(artifact: OnnxArtifact, timeoutMs: number) {
    const reply = await this.request(artifact, { type: "inspect" }, timeoutMs);
    return { inputNames: reply.inputNames ?? [], outputNames: reply.outputNames ?? [] };
  }

  /** The thread ids of the pool's workers (tests check inference runs off the main thread). */
  threadIds(): number[] {
    return this.workers.map((w) => w.worker.threadId);
  }

  async close() {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

const globalForPool = globalThis as unknown as { ratchetOnnxPool?: OnnxWorkerPool };

/** The process's ONNX worker pool (created on first use). */
export function onnxWorkerPool(): OnnxWorkerPool {
  globalForPool.ratchetOnnxPool ??= new OnnxWorkerPool(Math.max(1, Math.min(4, os.availableParallelism() - 1)));
  return globalForPool.ratchetOnnxPool;
}
