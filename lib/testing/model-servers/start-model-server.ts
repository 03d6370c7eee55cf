import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../listen-on-loopback";
import type { AddressInfo } from "node:net";

// Small real model servers for integration tests, written from each protocol's
// published request/response shapes. They answer deterministically from the
// input (default: "positive" when the text contains "good", "negative" when it
// contains "bad", else "neutral"; pass `behaviour.labelFor` for another rule),
// misbehave on demand (setFault), record every request (with the texts an Open
// Inference request carried) and track the peak number of requests in flight.

export type ModelServerProtocol = "openinference" | "tfserving" | "mlflow" | "openai" | "json";

export const TEST_SERVER_LABELS = ["positive", "negative", "neutral"] as const;

export type ModelServerBehaviour = {
  /** The label for one input text. */
  labelFor?: (text: string) => string;
  /** openai: the Bearer token the server requires (401 otherwise). */
  apiKey?: string;
  /** openinference/tfserving: the only model name served (404 for others). Default: any. */
  model?: string;
  /**
   * openinference: the "label" tensor holds INT64 class ids (the label's index
   * in TEST_SERVER_LABELS), as scikit-learn/ONNX/Triton classifiers answer.
   */
  classIds?: boolean;
};

export type ModelServerFault =
  | { kind: "delay"; ms: number }
  | { kind: "status"; status: number }
  /** 200 with a body that is not JSON. */
  | { kind: "garbage" }
  /** The socket is destroyed without an answer (ECONNRESET at the client). */
  | { kind: "reset" }
  /** The request is read and never answered. */
  | { kind: "hang" }
  /**
   * Per input: the first `failures` requests carrying the same input (the same
   * Open Inference texts, else the same body) get HTTP `status` (default 500);
   * later ones are answered.
   */
  | { kind: "flaky"; failures: number; status?: number };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** The texts an Open Inference request carried (`inputs[0].data`, as strings); empty for other bodies. */
  texts: string[];
};

export type ModelServer = {
  url: string;
  requests: RecordedRequest[];
  /** The peak number of requests being handled at once (read, not yet answered or dropped). */
  readonly maxInFlight: number;
  /** Misbehave from now on (or for the next `times` requests); null to behave again. */
  setFault(fault: ModelServerFault | null, options?: { times?: number }): void;
  /**
   * The server dies: stops listening (new connections are refused) and drops every open
   * connection, answered or not. Resolves with the texts of the requests it dropped unanswered.
   */
  goDown(): Promise<string[]>;
  /** The server is back, on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
};

export function defaultLabelFor(text: string): string {
  const lower = text.toLowerCase();
  if (lower.includes("good")) return "positive";
  if (lower.includes("bad")) return "negative";
  return "neutral";
}

/** Scores per TEST_SERVER_LABELS column: 0.8 for the label, the rest shared. */
function scoresFor(label: string): number[] {
  return TEST_SERVER_LABELS.map((l) => (l === label ? 0.8 : l === "neutral" || label === "neutral" ? 0.15 : 0.05));
}

function rankedFor(label: string): string[] {
  const scores = scoresFor(label);
  return [...TEST_SERVER_LABELS].sort((a, b) => scores[TEST_SERVER_LABELS.indexOf(b)]! - scores[TEST_SERVER_LABELS.indexOf(a)]!);
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { text?: unknown }).text === "string") return (value as { text: string }).text;
  return JSON.stringify(value);
}

type Answer = { status: number; body: unknown };

function answer(protocol: ModelServerProtocol, behaviour: Required<Pick<ModelServerBehaviour, "labelFor">> & ModelServerBehaviour, request: RecordedRequest): Answer {
  const body = request.body as Record<string, unknown> | null;
  const label = (value: unknown) => behaviour.labelFor(textOf(value));
  const notFound = { status: 404, body: { error: `no route ${request.method} ${request.path}` } };
  if (request.method !== "POST") return notFound;
  switch (protocol) {
    case "openinference": {
      const match = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?\/infer$/.exec(request.path);
      if (!match) return notFound;
      const name = decodeURIComponent(match[1]!);
      if (behaviour.model && name !== behaviour.model) return { status: 404, body: { error: `model ${name} not found` } };
      const input = Array.isArray(body?.inputs) ? (body.inputs[0] as { data?: unknown[]; shape?: number[] } | undefined) : undefined;
      if (!input || !Array.isArray(input.data)) return { status: 400, body: { error: "inputs[0].data is required" } };
      const labels = input.data.map(label);
      const n = labels.length;
      const outputs = [
        behaviour.classIds
          ? { name: "label", shape: [n], datatype: "INT64", data: labels.map((l) => TEST_SERVER_LABELS.indexOf(l as (typeof TEST_SERVER_LABELS)[number])) }
          : { name: "label", shape: [n], datatype: "BYTES", data: labels },
        { name: "scores", shape: [n, 3], datatype: "FP32", data: labels.flatMap(scoresFor) },
        { name: "ranked_labels", shape: [n, 3], datatype: "BYTES", data: labels.flatMap(rankedFor) },
      ];
      const requested = Array.isArray(body?.outputs) ? (body.outputs as { name: string }[]).map((o) => o.name) : undefined;
      return {
        status: 200,
        body: {
          model_name: name,
          ...(match[2] ? { model_version: decodeURIComponent(match[2]) } : {}),
          parameters: { labels: [...TEST_SERVER_LABELS] },
          outputs: requested?.length ? outputs.filter((o) => requested.includes(o.name)) : outputs,
        },
      };
    }
    case "tfserving": {
      const match = /^\/v1\/models\/([^/:]+)(?:\/versions\/(\d+))?:predict$/.exec(request.path);
      if (!match) return notFound;
      if (behaviour.model && decodeURIComponent(match[1]!) !== behaviour.model) return { status: 404, body: { error: "Servable not found" } };
      if (!Array.isArray(body?.instances)) return { status: 400, body: { error: "Missing 'instances' key" } };
      return { status: 200, body: { predictions: body.instances.map((i) => ({ label: label(i), scores: scoresFor(label(i)) })) } };
    }
    case "mlflow": {
      if (request.path !== "/invocations") return notFound;
      const rows = body?.dataframe_records ?? body?.inputs;
      if (!Array.isArray(rows)) return { status: 400, body: { error_code: "BAD_REQUEST", message: "expected dataframe_records or inputs" } };
      return { status: 200, body: { predictions: rows.map(label) } };
    }
    case "openai": {
      if (request.path !== "/v1/chat/completions") return notFound;
      if (behaviour.apiKey && request.headers.authorization !== `Bearer ${behaviour.apiKey}`) {
        return { status: 401, body: { error: { message: "Incorrect API key provided", type: "invalid_request_error" } } };
      }
      const messages = Array.isArray(body?.messages) ? (body.messages as { role: string; content: string }[]) : [];
      const user = messages.filter((m) => m.role === "user").at(-1);
      if (!user) return { status: 400, body: { error: { message: "messages must contain a user message" } } };
      const answerLabel = label(user.content);
      // Answers the way chat models do: capitalised, with a full stop.
      const content = `${answerLabel.charAt(0).toUpperCase()}${answerLabel.slice(1)}.`;
      return {
        status: 200,
        body: {
          id: `chatcmpl-${request.path.length}`,
          object: "chat.completion",
          model: body?.model,
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      };
    }
    case "json":
      return { status: 200, body: { result: { label: label(body) }, echo: body } };
  }
}

function openInferenceTexts(body: unknown): string[] {
  const inputs = body && typeof body === "object" ? (body as { inputs?: unknown }).inputs : undefined;
  const data = Array.isArray(inputs) ? (inputs[0] as { data?: unknown } | undefined)?.data : undefined;
  return Array.isArray(data) ? data.map(textOf) : [];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Starts a server on 127.0.0.1 and a free port, misbehaving from the start when given `fault`. */
export async function startModelServer(options: {
  protocol: ModelServerProtocol;
  behaviour?: ModelServerBehaviour;
  fault?: ModelServerFault;
}): Promise<ModelServer> {
  const behaviour = { labelFor: defaultLabelFor, ...options.behaviour };
  const requests: RecordedRequest[] = [];
  let fault: ModelServerFault | null = options.fault ?? null;
  let faultsLeft = Infinity;
  /** Requests seen per input, for the flaky fault. */
  const seen = new Map<string, number>();
  const load = { inFlight: 0, max: 0 };
  /** Requests read and not yet answered or dropped (what goDown() cuts). */
  const unanswered = new Set<RecordedRequest>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // recorded as text
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const texts = openInferenceTexts(body);
    const recorded: RecordedRequest = { method: req.method ?? "GET", path: req.url ?? "/", headers, body, texts };
    requests.push(recorded);

    // In flight from now until answered (counted off just before the answer is
    // written) or dropped (the connection closes unanswered).
    load.inFlight++;
    load.max = Math.max(load.max, load.inFlight);
    unanswered.add(recorded);
    let counted = true;
    const done = () => {
      if (counted) {
        counted = false;
        load.inFlight--;
        unanswered.delete(recorded);
      }
    };
    res.on("close", done);

    const active = fault && faultsLeft > 0 ? fault : null;
    if (active && --faultsLeft <= 0) fault = null;
    if (active?.kind === "reset") {
      done();
      return req.socket.destroy();
    }
    if (active?.kind === "hang") return;
    if (active?.kind === "delay") await new Promise((r) => setTimeout(r, active.ms));
    if (active?.kind === "status") {
      done();
      res.writeHead(active.status, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: `injected HTTP ${active.status}` }));
    }
    if (active?.kind === "garbage") {
      done();
      res.writeHead(200, { "content-type": "application/json" });
      return res.end("<html>definitely not json");
    }
    if (active?.kind === "flaky") {
      const key = texts.length ? texts.join("\u0000") : text;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count <= active.failures) {
        const status = active.status ?? 500;
        done();
        res.writeHead(status, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: `injected HTTP ${status} (${count} of ${active.failures} for this input)` }));
      }
    }
    done();
    const result = answer(options.protocol, behaviour, recorded);
    res.writeHead(result.status, { "content-type": "application/json" });
    res.end(JSON.stringify(result.body));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  const stopListening = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return load.max;
    },
    setFault(next, faultOptions) {
      fault = next;
      faultsLeft = faultOptions?.times ?? Infinity;
    },
    async goDown() {
      const dropped = [...unanswered].flatMap((r) => r.texts);
      await stopListening();
      return dropped;
    },
    comeBack: () => listenOnLoopback(server, port),
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  };
}
