import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { createScramVerifier, type ScramVerifier } from "./scram-sha-256";
import { logger } from "../log/logger.mjs";

// Serves one PGlite database to many PostgreSQL clients over TCP.
//
// PGlite is a single backend session, so every connection shares it. Clients
// speak the extended protocol (Parse, Bind, Describe, Execute … Sync) and its
// unnamed statement and portal only make sense if one client's messages up to
// its Sync reach the backend together. @electric-sql/pglite-socket queues
// message by message and lets other connections' messages in between, which
// breaks concurrent clients ("portal does not exist", wrong parameter counts).
// Here each connection's messages are grouped up to a synchronisation point
// (Sync, simple Query, Flush, end of COPY) and the groups run one at a time;
// while a connection holds an open transaction only its own groups run.
// With a password, a client is let in only after SCRAM-SHA-256 (PostgreSQL's
// default method): its StartupMessage reaches PGlite once it has proved it.

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Message types after which the backend answers: the end of a group. */
const GROUP_ENDS = new Set(["S", "Q", "H", "c", "f"].map((c) => c.charCodeAt(0)));
const TERMINATE = "X".charCodeAt(0);
const FLUSH = "H".charCodeAt(0);
const PASSWORD_MESSAGE = "p".charCodeAt(0);

type Connection = {
  id: number;
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Buffer[];
  closed: boolean;
  /** After a Flush the client continues its extended query later: nobody else may run until its Sync. */
  midQuery: boolean;
  /** While the client authenticates: its StartupMessage, held back until it has proved the password. */
  auth?: { startup: Buffer; scram: ScramVerifier };
};
type Group = { connection: Connection; bytes: Uint8Array; endsWithFlush: boolean };

export type WireServer = { port: number; stop(): Promise<void> };

export async function startPgliteWireServer(db: PGlite, options: { host: string; port: number; password?: string }): Promise<WireServer> {
  const connections = new Set<Connection>();
  const queue: Group[] = [];
  let owner: Connection | null = null;
  let running = false;
  let nextId = 1;

  async function drain() {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        const exclusive = owner && !owner.closed && (owner.midQuery || db.isInTransaction());
        const index = exclusive ? queue.findIndex((g) => g.connection === owner) : 0;
        if (index === -1) break; // wait for the owner of the open transaction or query to go on
        const [group] = queue.splice(index, 1);
        const { connection, bytes, endsWithFlush } = group!;
        if (connection.closed) continue;
        await db.runExclusive(() =>
          db.execProtocolRawStream(bytes, {
            onRawData: (chunk) => {
              if (!connection.closed && connection.socket.writable) connection.socket.write(chunk);
            },
          }),
        );
        owner = connection;
        connection.midQuery = endsWithFlush;
      }
    } catch (error) {
      logger().error({ err: error, component: "embedded-db" }, "embedded database protocol error");
    } finally {
      running = false;
    }
  }

  function enqueue(connection: Connection, bytes: Buffer, endsWithFlush = false) {
    queue.push({ connection, bytes: new Uint8Array(bytes), endsWithFlush });
    void drain();
  }

  async function close(connection: Connection) {
    if (connection.closed) return;
    connection.closed = true;
    connections.delete(connection);
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.connection === connection) queue.splice(i, 1);
    connection.socket.destroy();
    if (owner === connection) {
      owner = null;
      // A client that vanished mid-transaction must not leave it open for everyone else.
      if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
    }
    void drain();
  }

  function onData(connection: Connection, data: Buffer) {
    connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, data]) : data;
    for (;;) {
      const buf = connection.buffer;
      if (!connection.started) {
        if (buf.length < 8) return;
        const length = buf.readInt32BE(0);
        const code = buf.readInt32BE(4);
        if (buf.length < length) return;
        connection.buffer = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          connection.socket.write("N");
        } else if (code === CANCEL_REQUEST) {
          void close(connection); // one shared session: there is no other query to cancel safely
          return;
        } else if (code === PROTOCOL_3) {
          connection.started = true;
          const startup = Buffer.from(buf.subarray(0, length));
          if (options.password === undefined) {
            enqueue(connection, startup);
          } else {
            connection.auth = { startup, scram: createScramVerifier(options.password) };
            connection.socket.write(authenticationMessage(10, Buffer.from("SCRAM-SHA-256\0\0")));
          }
        } else {
          void close(connection);
          return;
        }
        continue;
      }
      if (buf.length < 5) return;
      const total = 1 + buf.readInt32BE(1);
      if (buf.length < total) return;
      const type = buf[0]!;
      const message = buf.subarray(0, total);
      connection.buffer = buf.subarray(total);
      if (type === TERMINATE) {
        void close(connection);
        return;
      }
      if (connection.auth) {
        if (!authenticate(connection, type, message.subarray(5))) return;
        continue;
      }
      connection.pending.push(message);
      if (GROUP_ENDS.has(type)) {
        const group = Buffer.concat(connection.pending);
        connection.pending = [];
        enqueue(connection, group, type === FLUSH);
      }
    }
  }

  /** One step of SCRAM; false when the connection was refused and closed. */
  function authenticate(connection: Connection, type: number, body: Buffer): boolean {
    const auth = connection.auth!;
    const step = type === PASSWORD_MESSAGE ? auth.scram.next(body) : { error: "expected a password message" };
    if ("error" in step) {
      // Not close(): the error must reach the client before the socket goes.
      connection.closed = true;
      connections.delete(connection);
      connection.socket.end(fatalError("28P01", "password authentication failed"));
      return false;
    }
    if (step.done) {
      connection.socket.write(authenticationMessage(12, Buffer.from(step.reply)));
      connection.auth = undefined;
      enqueue(connection, auth.startup); // PGlite answers AuthenticationOk and the session's parameters
    } else {
      connection.socket.write(authenticationMessage(11, Buffer.from(step.reply)));
    }
    return true;
  }

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const connection: Connection = { id: nextId++, socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false, midQuery: false };
    connections.add(connection);
    socket.on("data", (data) => onData(connection, data));
    socket.on("error", () => void close(connection));
    socket.on("close", () => void close(connection));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  return {
    port,
    async stop() {
      for (const connection of [...connections]) await close(connection);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An Authentication message ('R') of the given code, e.g. 10 SASL, 11 SASLContinue, 12 SASLFinal. */
function authenticationMessage(code: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.write("R", 0);
  header.writeInt32BE(8 + payload.length, 1);
  header.writeInt32BE(code, 5);
  return Buffer.concat([header, payload]);
}

function fatalError(sqlState: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
