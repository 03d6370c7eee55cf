// Source of an ONNX worker thread, evaluated with `new Worker(source, { eval: true })`
// so it runs the same from vitest, tsx scripts and the Next server without a
// build step. It keeps one InferenceSession per artifact checksum.
//
// Messages in:  { id, type: "run", sha256, model?, feeds: { name: { type, data, dims } }, outputNames? }
//               { id, type: "inspect", sha256, model }
// Messages out: { id, outputs: { name: { type, dims, data: plain array } } }
//               { id, inputNames, outputNames } (inspect)
//               { id, needModel: true }         (no session for sha256 yet: send the bytes)
//               { id, error }
export const ONNX_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const ort = require(workerData.onnxRuntimePath);
const MAX_SESSIONS = 8;
const sessions = new Map();

function session(sha256, model) {
  let pending = sessions.get(sha256);
  if (pending) {
    sessions.delete(sha256);
    sessions.set(sha256, pending);
    return pending;
  }
  if (!model) return undefined;
  pending = ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  pending.catch(() => sessions.delete(sha256));
  sessions.set(sha256, pending);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
  return pending;
}

function plain(tensor) {
  const data = tensor.type === "int64" || tensor.type === "uint64" ? Array.from(tensor.data, Number) : Array.from(tensor.data);
  return { type: tensor.type, dims: Array.from(tensor.dims, Number), data };
}

parentPort.on("message", async (message) => {
  try {
    const pending = session(message.sha256, message.model);
    if (!pending) return parentPort.postMessage({ id: message.id, needModel: true });
    const loaded = await pending;
    if (message.type === "inspect") {
      return parentPort.postMessage({ id: message.id, inputNames: loaded.inputNames, outputNames: loaded.outputNames });
    }
    const feeds = {};
    for (const [name, t] of Object.entries(message.feeds)) feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
    const results = message.outputNames ? await loaded.run(feeds, message.outputNames) : await loaded.run(feeds);
    const outputs = {};
    for (const [name, tensor] of Object.entries(results)) outputs[name] = plain(tensor);
    parentPort.postMessage({ id: message.id, outputs });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;
