import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultLabelFor } from "../../lib/testing/model-servers/start-model-server";

// An OpenAI-compatible chat model on 127.0.0.1 that requires `Authorization: Bearer
// <apiKey>` (401 otherwise) and can hold requests unanswered until the test
// releases them: a replay or registration is then in flight for as long as the
// test needs, without any sleep. Answers "Positive." / "Negative." / "Neutral."
// by defaultLabelFor.

export type HoldingModelServer = {
  baseUrl: string;
  /** Every request: its Authorization header and whether it was held. */
  requests: { authorization: string; held: boolean }[];
  /** From now on, answer `count` more requests, then hold the rest. */
  holdAfter(count: number): void;
  /** Answer every held request and hold nothing more. */
  release(): void;
  readonly heldCount: number;
  close(): Promise<void>;
};

export async function startHoldingModelServer(apiKey: string): Promise<HoldingModelServer> {
  const requests: HoldingModelServer["requests"] = [];
  let passesLeft = Infinity;
  let released!: () => void;
  let releasedPromise = new Promise<void>((resolve) => (released = resolve));
  let held = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = req.headers.authorization ?? "";
    const hold = passesLeft <= 0;
    if (!hold) passesLeft--;
    requests.push({ authorization, held: hold });
    if (hold) {
      held++;
      await releasedPromise;
    }
    if (authorization !== `Bearer ${apiKey}`) {
      res.writeHead(401, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "Incorrect API key provided" } }));
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { messages?: { role: string; content: string }[]; model?: string };
    const user = body.messages?.filter((m) => m.role === "user").at(-1)?.content ?? "";
    const label = defaultLabelFor(user);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-held",
        object: "chat.completion",
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: `${label.charAt(0).toUpperCase()}${label.slice(1)}.` }, finish_reason: "stop" }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    holdAfter(count) {
      passesLeft = count;
    },
    release() {
      passesLeft = Infinity;
      released();
      releasedPromise = new Promise<void>((resolve) => (released = resolve));
    },
    get heldCount() {
      return held;
    },
    close: () =>
      new Promise<void>((resolve) => {
        released();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
