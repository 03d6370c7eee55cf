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
