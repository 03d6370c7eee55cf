import net from "node:net";
import { listenOnLoopback } from "./listen-on-loopback";
import type { AddressInfo } from "node:net";

// A loopback TCP proxy for fault tests: put it between a process and its
// PostgreSQL (or any server) and make that server look restarted — every
// connection severed, new ones refused — without touching the real one, which
// other tests and people share.

export type TcpProxy = {
  /** 127.0.0.1:<port> of the proxy. */
  host: string;
  /** Connections open through the proxy now. */
  readonly openConnections: number;
  /** Severs every connection and refuses new ones (the listener closes). Resolves with how many it severed. */
  goDown(): Promise<number>;
  /** Accepts connections again, on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
};

/** Forwards 127.0.0.1:<free port> to `target` ("host:port"). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const severAll = () => {
    const count = pairs.size;
    // resetAndDestroy: the peer sees ECONNRESET, as when a server process dies.
    for (const { client, upstream } of [...pairs]) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
    return count;
  };
  return {
    host: `127.0.0.1:${port}`,
    get openConnections() {
      return pairs.size;
    },
    async goDown() {
      const closed = stopListening();
      const severed = severAll();
      await closed;
      return severed;
    },
    comeBack: () => listenOnLoopback(server, port),
    async close() {
      const closed = server.listening ? stopListening() : Promise.resolve();
      severAll();
      await closed;
    },
  };
}
