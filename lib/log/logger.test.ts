import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.mjs";
import { runWithRequestContext } from "./request-context.mjs";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ destination, pretty: false }) };
}

describe("the logger", () => {
  it("writes JSON lines that carry the request's id and actor while a request runs, and not after", async () => {
    const { lines, log } = capture();
    const context: { requestId: string; actorId?: string } = { requestId: "req-1" };
    await runWithRequestContext(context, async () => {
      log.info("before the actor is known");
      context.actorId = "user-7";
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info({ runId: "run-3" }, "after an await");
    });
    log.info("outside");
    expect(lines.map((l) => [l.msg, l.reqId, l.actorId])).toEqual([
      ["before the actor is known", "req-1", undefined],
      ["after an await", "req-1", "user-7"],
      ["outside", undefined, undefined],
    ]);
    expect(lines[1]).toMatchObject({ level: 30, runId: "run-3" });
  });

  it("redacts credentials wherever a caller puts them", () => {
    const { lines, log } = capture();
    log.info(
      {
        headers: { authorization: "Bearer rt_secret", cookie: "session=abc", "set-cookie": "s=1", "x-api-key": "k-1" },
        req: { headers: { authorization: "Bearer rt_other", cookie: "c=2" } },
        body: { password: "hunter2-hunter2", connectorSecrets: { token: "sk-live" } },
        password: "top-level-password",
        token: "rt_top",
      },
      "a careless line",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["rt_secret", "session=abc", "s=1", "k-1", "rt_other", "c=2", "hunter2-hunter2", "sk-live", "top-level-password", "rt_top"]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ headers: { authorization: "[redacted]" }, body: { password: "[redacted]", connectorSecrets: "[redacted]" } });
  });

  it("honours the level it is given", () => {
    const destination = new Writable({ write: (_c, _e, done) => done() });
    expect(createLogger({ destination, level: "debug" }).level).toBe("debug");
    expect(createLogger({ destination, level: "nonsense" }).level).toBe("info");
  });
});
