import { beforeAll, describe, expect, it } from "vitest";
import { GET as listProblems, POST as createProblem } from "@/app/api/v1/projects/[projectId]/problems/route";
import { GET as getProblem, PATCH as patchProblem } from "@/app/api/v1/problems/[problemId]/route";
import { GET as getHistory } from "@/app/api/v1/problems/[problemId]/history/route";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { searchProblems } from "@/lib/problems/search-problems";
import { problemListQuerySchema } from "@/lib/problems/problem-list-query";

let engineer: TestUser;
let admin: TestUser;
let tester: TestUser;
let projectId: string;

beforeAll(async () => {
  // One at a time: parallel sign-ups confuse sign-in on the embedded PostgreSQL.
  engineer = await createTestUser("engineer");
  admin = await createTestUser("admin");
  tester = await createTestUser("tester");
  const project = await prisma().project.create({ data: { slug: "sentiment", name: "Sentiment", outputKind: "label", keyPrefix: "SENT", labels: ["positive", "negative"] } });
  projectId = project.id;
});

const create = (user: TestUser, body: unknown, id = projectId) =>
  callRoute(createProblem, { method: "POST", path: `/api/v1/projects/${id}/problems`, params: { projectId: id }, body, headers: { cookie: user.cookie } });
const list = (search: string, user: TestUser = tester) =>
  callRoute(listProblems, { path: `/api/v1/projects/${projectId}/problems${search}`, params: { projectId }, headers: { cookie: user.cookie } });
const patch = (user: TestUser, problemId: string, body: unknown) =>
  callRoute(patchProblem, { method: "PATCH", path: `/api/v1/problems/${problemId}`, params: { problemId }, body, headers: { cookie: user.cookie } });

type Item = { key: string; title: string; patternCount: number; coverageHints: string[]; severity: string; status: string };

describe("POST /api/v1/projects/{projectId}/problems", () => {
  it("numbers 10 parallel creates 1..10 with unique keys", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(engineer, { title: `Parallel ${i}`, severity: "medium", target: 0.2 })),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    const keys = results.map((r) => r.json.key as string).sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1]));
    expect(keys).toEqual(Array.from({ length: 10 }, (_, i) => `SENT-${i + 1}`));
    expect((await prisma().project.findUniqueOrThrow({ where: { id: projectId } })).nextProblemNumber).toBe(11);
    expect(await prisma().auditEvent.count({ where: { action: "problem.create", projectId } })).toBe(10);
  });

  it("stores every field and an owner who is a user", async () => {
    const res = await create(engineer, {
      title: "Reads sarcasm as praise",
      description: "“Great, it broke again” → positive",
      severity: "critical",
      status: "monitoring",
      target: 0.15,
      origin: "client report",
      ownerId: tester.id,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ key: "SENT-11", number: 11, severity: "critical", status: "monitoring", target: 0.15, origin: "client report", ownerId: tester.id, owner: { id: tester.id }, lockVersion: 0 });
  });

  it("refuses bad input with field paths and leaves the database (and the numbering) unchanged", async () => {
    const before = await prisma().problem.count();
    const outOfRange = await create(engineer, { title: "x", severity: "high", target: 1.5 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.json.error?.fields).toEqual([expect.objectContaining({ path: "body.target" })]);

    const wrongTypes = await create(engineer, { title: 42, severity: "urgent", target: "0.1", status: "closed" });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.json.error!.fields!.map((f) => f.path).sort()).toEqual(["body.severity", "body.status", "body.target", "body.title"]);

    const noOwner = await create(engineer, { title: "x", severity: "high", target: 0.1, ownerId: "cl0000000000000000000000x" });
    expect(noOwner.status).toBe(422);
    expect(noOwner.json.error?.fields).toEqual([{ path: "body.ownerId", message: "is not an active user" }]);

    const malformed = await create(engineer, '{"title": "x",');
    expect(malformed.status).toBe(400);
    const huge = await create(engineer, { title: "x", severity: "high", target: 0.1, description: "y".repeat(1_200_000) });
    expect(huge.status).toBe(413);

    expect(await prisma().problem.count()).toBe(before);
    expect((await prisma().project.findUniqueOrThrow({ where: { id: projectId } })).nextProblemNumber).toBe(12);
  });

  it("answers 404 for an unknown project and 403 for a tester", async () => {
    expect((await create(engineer, { title: "x", severity: "high", target: 0.1 }, "cl0000000000000000000000x")).status).toBe(404);
    expect((await create(tester, { title: "x", severity: "high", target: 0.1 })).status).toBe(403);
  });
});

describe("GET /api/v1/projects/{projectId}/problems", () => {
  beforeAll(async () => {
    // SENT-11 gets 12 patterns (2 negative, 1 production); SENT-1 gets 16 positive contrived ones.
    const problems = await prisma().problem.findMany({ where: { projectId, number: { in: [1, 11] } } });
    const byNumber = new Map(problems.map((p) => [p.number, p.id]));
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => ({ problemId: byNumber.get(11)!, purpose: i < 2 ? "control" : "case", origin: i === 0 ? "production" : "contrived" }) as const),
      ...Array.from({ length: 16 }, () => ({ problemId: byNumber.get(1)!, purpose: "case", origin: "contrived" }) as const),
      { problemId: byNumber.get(1)!, purpose: "control", origin: "production", archivedAt: new Date() } as const,
    ];
    await prisma().pattern.createMany({ data: rows.map((r, i) => ({ projectId, name: `p${i}`, ...r })) });
  });

  it("lists in key order with pattern counts and coverage hints", async () => {
    const res = await list("?limit=200");
    expect(res.status, res.text).toBe(200);
    const items = res.json.items as Item[];
    expect(items.map((i) => i.key)).toEqual(Array.from({ length: 11 }, (_, i) => `SENT-${i + 1}`));
    expect(items[0]).toMatchObject({ patternCount: 16, coverageHints: ["too_many_patterns", "no_control_pattern", "no_production_pattern"] });
    expect(items[10]).toMatchObject({ patternCount: 12, coverageHints: [] });
    expect(items[1]).toMatchObject({ patternCount: 0, coverageHints: ["too_few_patterns", "no_control_pattern", "no_production_pattern"] });
  });

  it("searches key and title, filters by comma lists, sorts", async () => {
    expect(((await list("?q=sarcasm")).json.items as Item[]).map((i) => i.key)).toEqual(["SENT-11"]);
    expect(((await list("?q=sent-1")).json.items as Item[]).map((i) => i.key)).toEqual(["SENT-1", "SENT-10", "SENT-11"]);
    expect(((await list("?q=100%25")).json.items as Item[])).toEqual([]);
    expect(((await list("?severity=critical,high")).json.items as Item[]).map((i) => i.key)).toEqual(["SENT-11"]);
    expect(((await list("?status=open&severity=medium&limit=3")).json.items as Item[]).map((i) => i.key)).toEqual(["SENT-1", "SENT-2", "SENT-3"]);
    expect(((await list(`?ownerId=${tester.id}`)).json.items as Item[]).map((i) => i.key)).toEqual(["SENT-11"]);
    const bySeverity = (await list("?sort=severity&limit=2")).json.items as Item[];
    expect(bySeverity[0]!.severity).toBe("critical");
    const byCount = (await list("?sort=patternCount&order=desc&limit=3")).json.items as Item[];
    expect(byCount.map((i) => i.patternCount)).toEqual([16, 12, 0]);
  });

  it("pages with a cursor through every sort without repeating or skipping", async () => {
    for (const sort of ["key", "severity", "status", "updatedAt", "patternCount"]) {
      for (const order of ["asc", "desc"]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await list(`?sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
          expect(res.status, res.text).toBe(200);
          seen.push(...(res.json.items as Item[]).map((i) => i.key));
          cursor = res.json.nextCursor as string | null;
        } while (cursor);
        expect(seen, `${sort} ${order}`).toHaveLength(11);
        expect(new Set(seen).size).toBe(11);
      }
    }
  });

  it("answers 400 naming the parameter for unknown values and foreign cursors", async () => {
    const badEnum = await list("?severity=urgent");
    expect(badEnum.status).toBe(400);
    expect(badEnum.json.error?.fields?.[0]?.path).toBe("query.severity.0");
    expect((await list("?sort=title")).status).toBe(400);
    const firstPage = await list("?sort=key&limit=2");
    const mixed = await list(`?sort=severity&cursor=${firstPage.json.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.json.error?.fields?.[0]?.path).toBe("query.cursor");
    expect((await list("?cursor=garbage")).status).toBe(400);
  });

  it("is the same function the page calls", async () => {
    const page = await searchProblems(projectId, problemListQuerySchema.parse({ sort: "patternCount", order: "desc", limit: "1" }));
    expect(page.items[0]?.key).toBe("SENT-1");
  });
});

describe("GET/PATCH /api/v1/problems/{problemId} and history", () => {
  it("edits with lockVersion, records status/target changes with who and when, 409s stale edits", async () => {
    const problem = await prisma().problem.findFirstOrThrow({ where: { projectId, number: 11 } });
    const got = await callRoute(getProblem, { params: { problemId: problem.id }, headers: { cookie: tester.cookie } });
    expect(got.json).toMatchObject({ key: "SENT-11", lockVersion: 0 });

    const first = await patch(engineer, problem.id, { lockVersion: 0, status: "resolved", target: 0.1, title: "Reads sarcasm as praise" });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ status: "resolved", target: 0.1, lockVersion: 1 });

    const stale = await patch(admin, problem.id, { lockVersion: 0, status: "open" });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", message: "Changed by Test engineer since you opened it", current: { status: "resolved", target: 0.1, lockVersion: 1 } });
    expect((await prisma().problem.findUniqueOrThrow({ where: { id: problem.id } })).status).toBe("resolved");

    const history = await callRoute(getHistory, { path: "/api/v1/problems/x/history", params: { problemId: problem.id }, headers: { cookie: tester.cookie } });
    expect(history.status).toBe(200);
    const items = history.json.items as { action: string; actor: { name: string }; changes: Record<string, { from: unknown; to: unknown }> }[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ action: "problem.update", actor: { name: "Test engineer" }, changes: { status: { from: "monitoring", to: "resolved" }, target: { from: 0.15, to: 0.1 } } });
    expect(items[0]!.changes.title).toBeUndefined(); // unchanged fields are not history
    expect(items[1]).toMatchObject({ action: "problem.create", changes: { status: { from: null, to: "monitoring" } } });
  });

  it("pages the history and refuses bad cursors", async () => {
    const problem = await prisma().problem.findFirstOrThrow({ where: { projectId, number: 11 } });
    const page = await callRoute(getHistory, { path: "/api/v1/problems/x/history?limit=1", params: { problemId: problem.id }, headers: { cookie: tester.cookie } });
    expect(page.json.items).toHaveLength(1);
    const next = await callRoute(getHistory, { path: `/api/v1/problems/x/history?limit=1&cursor=${page.json.nextCursor}`, params: { problemId: problem.id }, headers: { cookie: tester.cookie } });
    expect((next.json.items as { action: string }[])[0]?.action).toBe("problem.create");
    const bad = await callRoute(getHistory, { path: "/api/v1/problems/x/history?cursor=abc", params: { problemId: problem.id }, headers: { cookie: tester.cookie } });
    expect(bad.status).toBe(400);
  });

  it("validates edits: target range, owner, unknown enum; 404 for unknown ids", async () => {
    const problem = await prisma().problem.findFirstOrThrow({ where: { projectId, number: 2 } });
    const range = await patch(engineer, problem.id, { lockVersion: 0, target: -0.1 });
    expect(range.status).toBe(422);
    expect(range.json.error?.fields?.[0]?.path).toBe("body.target");
    const owner = await patch(engineer, problem.id, { lockVersion: 0, ownerId: "cl0000000000000000000000x" });
    expect(owner.status).toBe(422);
    const status = await patch(engineer, problem.id, { lockVersion: 0, status: "closed" });
    expect(status.status).toBe(422);
    expect((await prisma().problem.findUniqueOrThrow({ where: { id: problem.id } })).lockVersion).toBe(0);
    expect((await patch(engineer, "cl0000000000000000000000x", { lockVersion: 0, title: "x" })).status).toBe(404);
    const cleared = await patch(engineer, problem.id, { lockVersion: 0, ownerId: null, origin: "QA" });
    expect(cleared.json).toMatchObject({ ownerId: null, owner: null, origin: "QA" });
  });
});
