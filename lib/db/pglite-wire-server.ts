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
const QUERY = "Q".charCodeAt(0);
const NOTIFICATION_RESPONSE = "A".charCodeAt(0);
/** LISTEN / UNLISTEN at the start of a statement of a simple query (how clients listen; PostgreSQL folds unquoted names to lower case). */
const LISTEN_STATEMENT = /^\s*(UN)?LISTEN\s+(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)|(\*))\s*$/i;

type Connection = {
  id: number;
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Buffer[];
  closed: boolean;
  /** After a Flush the client continues its extended query later: nobody else may run until its Sync. */
  midQuery: boolean;
  /** Channels this client LISTENs on: notifications on them are sent to it. */
  channels: Set<string>;
  /** Its pending group holds an UNLISTEN. */
  unlistens: boolean;
  /** While the client authenticates: its StartupMessage, held back until it has proved the password. */
  auth?: { startup: Buffer; scram: ScramVerifier };
};
/** `unlisten`: the group UNLISTENs, which the one backend session does for every client: the others' channels are listened to again after it. */
type Group = { connection: Connection; bytes: Uint8Array; endsWithFlush: boolean; unlisten: boolean };

export type WireServer = { port: number; stop(): Promise<void> };

export async function startPgliteWireServer(db: PGlite, options: { host: string; port: number; password?: string }): Promise<WireServer> {
  const connections = new Set<Connection>();
  const queue: Group[] = [];
  let owner: Connection | null = null;
  let running = false;
  let nextId = 1;
  let relisten = false;

  async function drain() {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        const exclusive = owner && !owner.closed && (owner.midQuery || db.isInTransaction());
        const index = exclusive ? queue.findIndex((g) => g.connection === owner) : 0;
        if (index === -1) break; // wait for the owner of the open transaction or query to go on
        const [group] = queue.splice(index, 1);
        const { connection, bytes, endsWithFlush, unlisten } = group!;
        if (connection.closed) continue;
        // The chunks are views of PGlite's memory, reused by its next message: copied at once.
        const output: Buffer[] = [];
        await db.runExclusive(() => db.execProtocolRawStream(bytes, { onRawData: (chunk) => void output.push(Buffer.from(chunk)) }));
        deliver(connection, output.length === 1 ? output[0]! : Buffer.concat(output));
        owner = connection;
        connection.midQuery = endsWithFlush;
        if (unlisten) relisten = true;
        if (relisten && !db.isInTransaction()) {
          relisten = false;
          const channels = new Set([...connections].flatMap((c) => [...c.channels]));
          if (channels.size) await db.exec([...channels].map((c) => `LISTEN "${c.replaceAll('"', '""')}";`).join("\n"));
        }
      }
    } catch (error) {
      logger().error({ err: error, component: "embedded-db" }, "embedded database protocol error");
    } finally {
      running = false;
    }
  }

  /**
   * Sends a group's answer to its connection, except notifications: the one
   * backend session answers NOTIFY to whoever ran the committing statement, so
   * each NotificationResponse goes instead to every connection that LISTENs on
   * its channel (none: dropped).
   */
  function deliver(connection: Connection, output: Buffer) {
    const notifications = splitNotifications(output);
    const reply = notifications ? notifications.rest : output;
    if (reply.length && !connection.closed && connection.socket.writable) connection.socket.write(reply);
    for (const { channel, message } of notifications?.messages ?? []) {
      for (const listener of connections) {
        if (listener.channels.has(channel) && !listener.closed && listener.socket.writable) listener.socket.write(message);
      }
    }
  }

  function enqueue(connection: Connection, bytes: Buffer, endsWithFlush = false, unlisten = false) {
    queue.push({ connection, bytes: new Uint8Array(bytes), endsWithFlush, unlisten });
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
      if (type === QUERY && trackListening(connection, message.subarray(5))) connection.unlistens = true;
      if (GROUP_ENDS.has(type)) {
        const group = Buffer.concat(connection.pending);
        connection.pending = [];
        enqueue(connection, group, type === FLUSH, connection.unlistens);
        connection.unlistens = false;
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
    const connection: Connection = { id: nextId++, socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false, midQuery: false, channels: new Set(), unlistens: false };
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

/**
 * Follows a client's LISTEN / UNLISTEN; true when it UNLISTENs. (The shared
 * backend session keeps listening on the channels of clients that left:
 * harmless, their notifications are dropped.)
 */
function trackListening(connection: { channels: Set<string> }, body: Buffer): boolean {
  const text = body.toString("utf8", 0, Math.max(0, body.length - 1));
  if (!/listen/i.test(text)) return false;
  let unlistens = false;
  for (const statement of text.split(";")) {
    const match = LISTEN_STATEMENT.exec(statement);
    if (!match) continue;
    const [, un, quoted, bare, all] = match;
    const channel = quoted !== undefined ? quoted.replaceAll('""', '"') : bare?.toLowerCase();
    if (!un && channel !== undefined) connection.channels.add(channel);
    else if (un && all) connection.channels.clear();
    else if (un && channel !== undefined) connection.channels.delete(channel);
    unlistens ||= !!un;
  }
  return unlistens;
}

/**
 * The NotificationResponse messages of a backend answer, and the answer
 * without them; undefined when it has none (the usual case: nothing copied).
 */
function splitNotifications(output: Buffer): { rest: Buffer; messages: { channel: string; message: Buffer }[] } | undefined {
  let found = false;
  for (let at = 0; at + 5 <= output.length; at += 1 + output.readInt32BE(at + 1)) {
    if (output[at] === NOTIFICATION_RESPONSE) {
      found = true;
      break;
    }
  }
  if (!found) return undefined;
  const kept: Buffer[] = [];
  const messages: { channel: string; message: Buffer }[] = [];
  let at = 0;
  while (at + 5 <= output.length) {
    const end = at + 1 + output.readInt32BE(at + 1);
    const message = output.subarray(at, end);
    if (output[at] === NOTIFICATION_RESPONSE) {
      // Int32 length, Int32 sender pid, channel\0, payload\0
      const channelEnd = message.indexOf(0, 9);
      messages.push({ channel: message.toString("utf8", 9, channelEnd), message });
    } else {
      kept.push(message);
    }
    at = end;
  }
  if (at < output.length) kept.push(output.subarray(at));
  return { rest: Buffer.concat(kept), messages };
}
