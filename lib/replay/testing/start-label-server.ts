import http from "node:http";
import type { AddressInfo } from "node:net";

// A tiny Open Inference Protocol (KServe v2) model server for replay tests:
// labels each text "positive" when it contains "good", else "negative".
// Faults: hang (never answers), 500, garbage (200 with non-JSON), reset (drops
// the connection), slow (answers after delayMs), flaky (500 for an input's
// first `failures` requests, then answers).

export type LabelServerFault =
  | { mode: "ok" }
  | { mode: "hang" }
  | { mode: "500" }
  | { mode: "garbage" }
  | { mode: "reset" }
  | { mode: "slow"; delayMs: number }
  | { mode: "flaky"; failures: number };

export type LabelServer = {
  url: string;
  /** Requests received, with the texts each carried. */
  requests: string[][];
  maxInFlight: number;
  setFault(fault: LabelServerFault): void;
  close(): Promise<void>;
};

export async function startLabelServer(initial: LabelServerFault = { mode: "ok" }): Promise<LabelServer> {
  let fault = initial;
  const requests: string[][] = [];
  const seen = new Map<string, number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let texts: string[] = [];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { inputs: { data: string[] }[] };
        texts = body.inputs[0]?.data ?? [];
      } catch {
        res.writeHead(400).end("bad request");
        return;
      }
      requests.push(texts);
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const done = () => inFlight--;
      const answer = () => {
        done();
        const labels = texts.map((t) => (t.includes("good") ? "positive" : "negative"));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ model_name: "label", outputs: [{ name: "label", shape: [labels.length], datatype: "BYTES", data: labels }] }));
      };
      switch (fault.mode) {
        case "ok":
          return answer();
        case "hang":
          res.on("close", done);
          return;
        case "500":
          done();
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "model crashed" }));
          return;
        case "garbage":
          done();
          res.writeHead(200, { "content-type": "application/json" }).end("<html>not json");
          return;
        case "reset":
          done();
          req.socket.destroy();
          return;
        case "slow":
          setTimeout(answer, fault.delayMs);
          return;
        case "flaky": {
          const key = texts.join("\u0000");
          const count = (seen.get(key) ?? 0) + 1;
          seen.set(key, count);
          if (count <= fault.failures) {
            done();
            res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: "warming up" }));
            return;
          }
          return answer();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    setFault(next) {
      fault = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
