import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER as APP_HEADER } from "@/lib/auth/client-address";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "./serve-next.mjs";

describe("the web server's peer address header", () => {
  let server: http.Server;
  let port: number;
  const seen: { headers: http.IncomingHttpHeaders; raw: string[] }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      stampPeerAddress(req);
      seen.push({ headers: req.headers, raw: [...req.rawHeaders] });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is the name the app reads", () => {
    expect(PEER_ADDRESS_HEADER).toBe(APP_HEADER);
  });

  it("carries the socket's address, whatever the client sent under that name", async () => {
    const send = (headers: http.OutgoingHttpHeaders) =>
      new Promise<void>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path: "/", headers }, (res) => res.resume().on("end", resolve)).on("error", reject);
      });
    await send({ [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.1" });
    await send({ "X-Ratchet-Peer-Address": ["192.0.2.1", "192.0.2.2"] });
    await send({});
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
      const rawValues = request.raw.filter((_v, i) => i % 2 === 1 && request.raw[i - 1]!.toLowerCase() === PEER_ADDRESS_HEADER);
      expect(rawValues).toEqual(["127.0.0.1"]);
    }
    // X-Forwarded-For is left alone: the app decides whether to believe it.
    expect(seen[0]!.headers["x-forwarded-for"]).toBe("198.51.100.1");
  });
});
