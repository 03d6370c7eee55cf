import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { startPgliteWireServer, type WireServer } from "./pglite-wire-server";

// Many clients, one PGlite session: parameterised (extended-protocol) queries
// and transactions from concurrent connections must not see each other's
// half-sent messages or open transactions.
let db: PGlite;
let server: WireServer;
let pool: pg.Pool;

beforeAll(async () => {
  db = await PGlite.create();
  server = await startPgliteWireServer(db, { host: "127.0.0.1", port: 0 });
  pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`, max: 10 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
});

afterAll(async () => {
  await pool.end();
  await server.stop();
  await db.close();
});

describe("the embedded wire server", () => {
  it("answers 500 concurrent parameterised queries from 10 connections, each with its own parameters", async () => {
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => pool.query<{ a: number; b: string }>("SELECT $1::int * 2 AS a, $2::text AS b", [i, `t${i}`])),
    );
    answers.forEach((res, i) => expect(res.rows[0]).toEqual({ a: i * 2, b: `t${i}` }));
  });

  it("runs concurrent transactions one after the other, so read-modify-write never loses an update", async () => {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
          await new Promise((r) => setTimeout(r, 1));
          await client.query("UPDATE counter SET n = $1 WHERE id = 1", [rows[0]!.n + 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    expect((await pool.query("SELECT n FROM counter WHERE id = 1")).rows[0]).toEqual({ n: 40 });
  });

  it("rolls back the open transaction of a client that disconnects, and keeps serving the others", async () => {
    const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable` });
    await client.connect();
    await client.query("BEGIN");
    await client.query("UPDATE counter SET n = -1 WHERE id = 1");
    client.on("error", () => undefined);
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { rows } = await pool.query("SELECT n FROM counter WHERE id = 1");
    expect(rows[0]).toEqual({ n: 40 });
  });
});

describe("the embedded wire server's notifications", () => {
  const url = () => `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`;

  it("delivers a committed NOTIFY to every client that LISTENs on its channel, and to nobody else", async () => {
    const [a, b, other] = [0, 1, 2].map(() => new pg.Client({ connectionString: url() }));
    for (const client of [a!, b!, other!]) await client.connect();
    const seen = new Map<pg.Client, string[]>([a!, b!, other!].map((c) => [c, []]));
    for (const client of [a!, b!, other!]) client.on("notification", (n) => seen.get(client)!.push(`${n.channel}:${n.payload}`));
    const arrived = (client: pg.Client, count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (seen.get(client)!.length < count) return;
          client.off("notification", check);
          resolve();
        };
        client.on("notification", check);
        check();
      });
    try {
      await a!.query('LISTEN "Wake_Up"; LISTEN wake_up');
      await b!.query("LISTEN WAKE_UP");
      await other!.query("LISTEN unrelated");
      const sender = await pool.connect();
      try {
        await sender.query("BEGIN");
        await sender.query("SELECT pg_notify($1, $2)", ["Wake_Up", "first"]);
        await sender.query("SELECT pg_notify($1, $2)", ["wake_up", "second"]);
        // Nothing is delivered before the commit.
        expect([...seen.values()].flat()).toEqual([]);
        await sender.query("COMMIT");
      } finally {
        sender.release();
      }
      await Promise.all([arrived(a!, 2), arrived(b!, 1)]);
      expect(seen.get(a!)).toEqual(["Wake_Up:first", "wake_up:second"]);
      expect(seen.get(b!)).toEqual(["wake_up:second"]);
      // The listeners' own queries still get their answers; after UNLISTEN * a client hears nothing more.
      expect((await b!.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await b!.query("UNLISTEN *");
      await pool.query("NOTIFY wake_up, 'third'");
      await arrived(a!, 3);
      expect(seen.get(a!)).toEqual(["Wake_Up:first", "wake_up:second", "wake_up:third"]);
      await b!.query("SELECT 1"); // anything sent to b would have arrived before this answer
      expect(seen.get(b!)).toEqual(["wake_up:second"]);
      expect(seen.get(other!)).toEqual([]);
    } finally {
      for (const client of [a!, b!, other!]) await client.end();
    }
  });
});

describe("the embedded wire server with a password", () => {
  let locked: WireServer;
  const password = "correct-horse-battery-staple-0123456789";
  const url = (secret: string) => `postgresql://postgres:${encodeURIComponent(secret)}@127.0.0.1:${locked.port}/postgres?sslmode=disable`;
  const connect = async (secret: string) => {
    const client = new pg.Client({ connectionString: url(secret), password: secret });
    client.on("error", () => undefined);
    try {
      await client.connect();
      return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0];
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  beforeAll(async () => {
    locked = await startPgliteWireServer(db, { host: "127.0.0.1", port: 0, password });
  });
  afterAll(async () => {
    await locked.stop();
  });

  it("lets in a client with the password (SCRAM-SHA-256), and refuses one without it or with a wrong one", async () => {
    await expect(connect(password)).resolves.toEqual({ one: 1 });
    await expect(connect("")).rejects.toThrow(); // pg itself refuses to answer SCRAM with no password
    await expect(connect("wrong-password")).rejects.toThrow(/password authentication failed/);
    // A refused client ran nothing: the server still serves the right one, many at once.
    const pool = new pg.Pool({ connectionString: url(password), max: 5 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query<{ n: number }>("SELECT $1::int AS n", [i])));
    await pool.end();
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("never hands a query to the database before the client has authenticated", async () => {
    const net = await import("node:net");
    const socket = net.connect(locked.port, "127.0.0.1");
    const startup = Buffer.from("\0\0\0\0\0\x03\0\0user\0postgres\0database\0postgres\0\0", "latin1");
    startup.writeInt32BE(startup.length, 0);
    const query = Buffer.from("Q\0\0\0\0DROP TABLE counter\0", "latin1");
    query.writeInt32BE(query.length - 1, 1);
    const closed = new Promise<string>((resolve) => {
      let received = "";
      socket.on("data", (d) => (received += d.toString("latin1")));
      socket.on("close", () => resolve(received));
    });
    socket.write(Buffer.concat([startup, query]));
    const received = await closed;
    expect(received).toContain("password authentication failed");
    expect((await pool.query("SELECT n FROM counter WHERE id = 1")).rows).toHaveLength(1);
  });
});
