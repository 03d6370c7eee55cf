import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./prisma";

// Issue 11 item 16: pg warns "Calling client.query() when the client is already
// executing a query" (and pg@9 will refuse) when one client gets a second query
// before the first has answered. Prisma's query interpreter loads a query's
// relations (include) concurrently, and inside an interactive transaction they
// all go to the transaction's one client: every page or route that reads with
// include inside $transaction did it.
const DEPRECATION = /already executing a query/;
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
const db = createPrismaClient(process.env.DATABASE_URL!);

beforeAll(async () => {
  process.on("warning", onWarning);
  await db.project.create({ data: { slug: "shared-client", name: "Shared client", outputKind: "label", keyPrefix: "SC" } });
});
afterAll(async () => {
  process.off("warning", onWarning);
  await db.$disconnect();
});

describe("the Prisma client", () => {
  it("never sends a transaction's concurrent queries to its one connection at once", async () => {
    const projects = await db.$transaction(async (tx) => tx.project.findMany({ include: { problems: true, patterns: true, modelVersions: true } }));
    expect(projects).toHaveLength(1);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => DEPRECATION.test(w))).toEqual([]);
  });
});
