import { beforeAll, describe, expect, it } from "vitest";
import { GET as compareRoute } from "@/app/api/v1/models/[modelId]/compare/route";
import { GET as resultsRoute } from "@/app/api/v1/models/[modelId]/results/route";
import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";
import type { ComparisonResource } from "@/lib/results/get-comparison-resource.schema";
import { mcnemarExact } from "@/lib/stats/mcnemar-exact";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// A project written row by row with known verdicts on a baseline and a
// candidate; the compare route's counts are checked against (1) the seed's own
// table and (2) flips recomputed here from the results API's raw rows.

type Side = Verdict | "ungraded" | "none";
type Row = { name: string; baseline: Side; candidate: Side; purpose?: "case" | "control" };

const rows = (n: number, baseline: Side, candidate: Side, prefix: string): Row[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i + 1}`, baseline, candidate }));

/** A small deterministic generator, so problem E is a mix nobody arranged by hand. */
function mixedRows(count: number): Row[] {
  const sides: Side[] = ["pass", "pass", "pass", "fail", "fail", "error", "ungraded", "none"];
  let state = 20261202;
  // mulberry32: 32-bit integer arithmetic only, so every run draws the same mix.
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return sides[((t ^ (t >>> 14)) >>> 0) % sides.length]!;
  };
  return Array.from({ length: count }, (_, i) => ({ name: `mix ${i + 1}`, baseline: next(), candidate: next(), purpose: i % 3 === 0 ? "control" : "case" }));
}

const SEED: Record<string, Row[]> = {
  // 0 fixed vs 6 broken: R's binom.test(0, 6) → p = 0.03125.
  "CMP-1": [...rows(6, "pass", "fail", "broken"), ...rows(6, "pass", "pass", "kept")],
  // 9 fixed vs 1 broken: p ≈ 0.02148.
  "CMP-2": [...rows(9, "fail", "pass", "fixed"), ...rows(1, "pass", "fail", "broken"), ...rows(2, "fail", "fail", "still failing")],
  // 5 vs 5: p = 1.
  "CMP-3": [...rows(5, "fail", "pass", "fixed"), ...rows(5, "pass", "fail", "broken"), ...rows(3, "pass", "pass", "kept")],
  // Nothing paired: errors, a pending grade and missing results.
  "CMP-4": [...rows(2, "error", "pass", "errored"), ...rows(1, "pass", "ungraded", "pending"), ...rows(3, "none", "fail", "new")],
  "CMP-5": mixedRows(60),
};

function expectedCounts(seed: Row[]) {
  const judged = (s: Side) => s === "pass" || s === "fail";
  const counts = { paired: 0, fixed: 0, broken: 0, bothPass: 0, bothFail: 0, unpaired: 0 };
  for (const { baseline, candidate } of seed) {
    if (!judged(baseline) || !judged(candidate)) counts.unpaired++;
    else if (baseline === "fail" && candidate === "pass") (counts.paired++, counts.fixed++);
    else if (baseline === "pass" && candidate === "fail") (counts.paired++, counts.broken++);
    else if (baseline === "pass") (counts.paired++, counts.bothPass++);
    else (counts.paired++, counts.bothFail++);
  }
  return counts;
}

let ids: { projectId: string; v1: string; v2: string; v3: string; other: string; lonely: string; imagePattern: string; attachmentId: string };
let engineer: TestUser;
let stakeholder: TestUser;

async function addPattern(projectId: string, problemId: string, name: string, purpose: "case" | "control" = "case", attachmentId?: string) {
  const pattern = await prisma().pattern.create({ data: { projectId, problemId, name, purpose, origin: "contrived" } });
  const input = attachmentId ? { attachmentId } : { text: name };
  const revision = await prisma().patternRevision.create({
    data: { projectId, patternId: pattern.id, number: 1, inputKind: attachmentId ? "image" : "json", input, inputHash: `h-${pattern.id}`, expectation: { kind: "equals", value: "ok" }, attachmentId },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revision.id } });
  return { id: pattern.id, revisionId: revision.id };
}

async function addResult(projectId: string, problemId: string, pattern: { id: string; revisionId: string }, modelVersionId: string, side: Side) {
  if (side === "none") return;
  const verdict = side === "ungraded" ? null : side;
  const output = side === "error" ? null : side === "pass" ? "ok" : `not ok (${modelVersionId.slice(-4)})`;
  await prisma().result.create({ data: { projectId, problemId, patternId: pattern.id, patternRevisionId: pattern.revisionId, modelVersionId, verdict, output: output ?? undefined, errorReason: side === "error" ? "timeout" : null } });
}

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  stakeholder = await createTestUser("stakeholder");
  const project = await prisma().project.create({ data: { slug: "compare", name: "Compare", outputKind: "label", keyPrefix: "CMP" } });
  const otherProject = await prisma().project.create({ data: { slug: "compare-other", name: "Other", outputKind: "label", keyPrefix: "OTH" } });
  const lonelyProject = await prisma().project.create({ data: { slug: "compare-lonely", name: "Lonely", outputKind: "label", keyPrefix: "LON" } });
  const version = (projectId: string, v: string, status: "candidate" | "production" | "retired", minute: number) =>
    prisma().modelVersion.create({
      data: { projectId, name: "m", version: v, status, connectorKind: "predictions", connector: { kind: "predictions" }, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)) },
    });
  const v1 = await version(project.id, "1", "retired", 1);
  const v2 = await version(project.id, "2", "production", 2);
  const v3 = await version(project.id, "3", "candidate", 3);
  const other = await version(otherProject.id, "1", "production", 1);
  const lonely = await version(lonelyProject.id, "1", "candidate", 1);
  const attachment = await prisma().attachment.create({ data: { projectId: project.id, contentType: "image/png", byteSize: 3, sha256: "x", data: Buffer.from([1, 2, 3]) } });

  let number = 0;
  let imagePattern = "";
  for (const [key, seed] of Object.entries(SEED)) {
    number++;
    const problem = await prisma().problem.create({ data: { projectId: project.id, number, key, title: `Problem ${key}`, severity: "high", target: 0.2 } });
    for (const row of seed) {
      // The first broken pattern of CMP-1 is an image: its flip must carry a thumbnail URL.
      const image = key === "CMP-1" && row.name === "broken 1" ? attachment.id : undefined;
      const pattern = await addPattern(project.id, problem.id, row.name, row.purpose, image);
      if (image) imagePattern = pattern.id;
      await addResult(project.id, problem.id, pattern, v2.id, row.baseline);
      await addResult(project.id, problem.id, pattern, v3.id, row.candidate);
      // v1 passes everything: it must never leak into the v2-vs-v3 counts.
      await addResult(project.id, problem.id, pattern, v1.id, "pass");
    }
    if (key === "CMP-3") {
      // An archived pattern's flip and an old revision's flip do not count.
      const archived = await addPattern(project.id, problem.id, "archived");
      await addResult(project.id, problem.id, archived, v2.id, "pass");
      await addResult(project.id, problem.id, archived, v3.id, "fail");
      await prisma().pattern.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
      const edited = await addPattern(project.id, problem.id, "edited");
      await addResult(project.id, problem.id, edited, v2.id, "pass");
      await addResult(project.id, problem.id, edited, v3.id, "fail");
      const revision2 = await prisma().patternRevision.create({
        data: { projectId: project.id, patternId: edited.id, number: 2, inputKind: "json", input: { text: "edited 2" }, inputHash: "h-edited-2", expectation: { kind: "equals", value: "ok" } },
      });
      await prisma().pattern.update({ where: { id: edited.id }, data: { currentRevisionId: revision2.id } });
      SEED[key] = [...seed, { name: "edited", baseline: "none", candidate: "none" }];
    }
  }
  ids = { projectId: project.id, v1: v1.id, v2: v2.id, v3: v3.id, other: other.id, lonely: lonely.id, imagePattern, attachmentId: attachment.id };
});

const compare = (modelId: string, query = "", user: TestUser = engineer) =>
  callRoute(compareRoute, { path: `/api/v1/models/${modelId}/compare${query}`, params: { modelId }, headers: { cookie: user.cookie } });

/** Flips recomputed from the results API's raw rows (current revisions), joined here by revision. */
async function flipsFromResultsApi(baselineId: string, candidateId: string) {
  const fetchAll = async (modelId: string) => {
    const all: { problemId: string; patternRevisionId: string; verdict: Verdict | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await callRoute(resultsRoute, {
        path: `/api/v1/models/${modelId}/results?current=true&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
        params: { modelId },
        headers: { cookie: engineer.cookie },
      });
      expect(res.status, res.text).toBe(200);
      all.push(...(res.json.items as typeof all));
      cursor = res.json.nextCursor as string | null;
    } while (cursor);
    return all;
  };
  const [baseline, candidate] = [await fetchAll(baselineId), await fetchAll(candidateId)];
  const candidateByRevision = new Map(candidate.map((r) => [r.patternRevisionId, r.verdict]));
  const byProblem = new Map<string, { fixed: number; broken: number; bothPass: number; bothFail: number }>();
  for (const b of baseline) {
    const c = candidateByRevision.get(b.patternRevisionId);
    if ((b.verdict !== "pass" && b.verdict !== "fail") || (c !== "pass" && c !== "fail")) continue;
    const counts = byProblem.get(b.problemId) ?? { fixed: 0, broken: 0, bothPass: 0, bothFail: 0 };
    if (b.verdict === "fail" && c === "pass") counts.fixed++;
    else if (b.verdict === "pass" && c === "fail") counts.broken++;
    else if (c === "pass") counts.bothPass++;
    else counts.bothFail++;
    byProblem.set(b.problemId, counts);
  }
  return byProblem;
}

describe("GET /api/v1/models/{modelId}/compare", () => {
  it("counts flips per problem exactly as the seed and the raw results say, against production by default", async () => {
    const res = await compare(ids.v3);
    expect(res.status, res.text).toBe(200);
    const body = res.json as unknown as ComparisonResource;
    expect(body.candidate).toEqual({ id: ids.v3, name: "m", version: "3", status: "candidate" });
    expect(body.baseline).toEqual({ id: ids.v2, name: "m", version: "2", status: "production" });
    expect(body.baselineReason).toBe("production");
    expect(body.alpha).toBe(0.05);

    const fromResults = await flipsFromResultsApi(ids.v2, ids.v3);
    expect(body.problems.map((p) => p.key).sort()).toEqual(Object.keys(SEED).sort());
    for (const problem of body.problems) {
      const expected = expectedCounts(SEED[problem.key]!);
      expect(problem, problem.key).toMatchObject(expected);
      expect(fromResults.get(problem.problemId) ?? { fixed: 0, broken: 0, bothPass: 0, bothFail: 0 }, problem.key).toEqual({
        fixed: problem.fixed, broken: problem.broken, bothPass: problem.bothPass, bothFail: problem.bothFail,
      });
      expect(problem.pValue, problem.key).toBe(mcnemarExact(expected.broken, expected.fixed));
      // Both rates with their intervals, over each side's own pass/fail results.
      const seed = SEED[problem.key]!;
      for (const side of ["baseline", "candidate"] as const) {
        const failed = seed.filter((r) => r[side] === "fail").length;
        const n = failed + seed.filter((r) => r[side] === "pass").length;
        expect(problem[side], `${problem.key} ${side}`).toMatchObject({ failed, n, errorRate: n ? failed / n : null });
        expect(problem[side].low).toBeLessThanOrEqual(problem[side].errorRate ?? 0);
        expect(problem[side].high).toBeGreaterThanOrEqual(problem[side].errorRate ?? 1);
        expect(problem[`${side}ErrorRate`]).toBe(problem[side].errorRate);
      }
    }
    const byKey = Object.fromEntries(body.problems.map((p) => [p.key, p]));
    expect(byKey["CMP-1"]).toMatchObject({ verdict: "worse", pValue: 0.03125 });
    expect(byKey["CMP-2"]!.verdict).toBe("better");
    expect(byKey["CMP-2"]!.pValue).toBeCloseTo(0.021484375, 9);
    expect(byKey["CMP-3"]).toMatchObject({ verdict: "unchanged", pValue: 1 });
    expect(byKey["CMP-4"]).toMatchObject({ verdict: "inconclusive", paired: 0, unpaired: 6 });
    // Worst first, and the summary adds the rows up.
    expect(body.problems[0]!.key).toBe("CMP-1");
    const sum = (f: "fixed" | "broken" | "paired" | "unpaired") => body.problems.reduce((s, p) => s + p[f], 0);
    expect(body.summary).toMatchObject({ fixed: sum("fixed"), broken: sum("broken"), paired: sum("paired"), unpaired: sum("unpaired") });
    for (const verdict of ["better", "worse", "unchanged", "inconclusive"] as const) {
      expect(body.summary[verdict], verdict).toBe(body.problems.filter((p) => p.verdict === verdict).length);
    }
    expect(body.problems.every((p) => p.flips === undefined)).toBe(true);
  });

  it("lists the flipped patterns with ?include=flips: name, purpose, input (image thumbnails), expectation, both outputs", async () => {
    const res = await compare(ids.v3, "?include=flips", stakeholder);
    expect(res.status, res.text).toBe(200);
    const body = res.json as unknown as ComparisonResource;
    for (const problem of body.problems) {
      const seed = SEED[problem.key]!.filter((r) => (r.baseline === "pass" && r.candidate === "fail") || (r.baseline === "fail" && r.candidate === "pass"));
      expect(problem.flips!.map((f) => f.name).sort(), problem.key).toEqual(seed.map((r) => r.name).sort());
      expect(problem.flips!.filter((f) => f.flip === "broken")).toHaveLength(problem.broken);
      expect(problem.flips!.filter((f) => f.flip === "fixed")).toHaveLength(problem.fixed);
      // Broken ones first.
      const order = problem.flips!.map((f) => f.flip);
      expect(order).toEqual([...order].sort((a, b) => (a === b ? 0 : a === "broken" ? -1 : 1)));
    }
    const mixed = body.problems.find((p) => p.key === "CMP-5")!;
    for (const flip of mixed.flips!) {
      const seed = SEED["CMP-5"]!.find((r) => r.name === flip.name)!;
      expect(flip.purpose).toBe(seed.purpose ?? "case");
    }
    const image = body.problems.find((p) => p.key === "CMP-1")!.flips!.find((f) => f.patternId === ids.imagePattern)!;
    expect(image).toMatchObject({
      name: "broken 1",
      flip: "broken",
      purpose: "case",
      inputKind: "image",
      image: { url: `/api/v1/attachments/${ids.attachmentId}`, thumbnailUrl: `/api/v1/attachments/${ids.attachmentId}?thumbnail=1` },
      expectation: { kind: "equals", value: "ok" },
      baseline: { output: "ok", verdict: "pass" },
      candidate: { output: `not ok (${ids.v3.slice(-4)})`, verdict: "fail" },
    });
    const text = body.problems.find((p) => p.key === "CMP-2")!.flips!.find((f) => f.name === "fixed 1")!;
    expect(text).toMatchObject({ inputKind: "json", input: { text: "fixed 1" }, image: null, flip: "fixed" });
  });

  it("compares with the version asked for, and judges at the project's significance level", async () => {
    const explicit = await compare(ids.v3, `?baseline=${ids.v1}`);
    expect(explicit.status, explicit.text).toBe(200);
    expect(explicit.json).toMatchObject({ baseline: { id: ids.v1, version: "1" }, baselineReason: "requested" });
    // v1 passed everything v3 was judged on: every v3 failure is a breakage.
    const cmp1 = (explicit.json as unknown as ComparisonResource).problems.find((p) => p.key === "CMP-1")!;
    expect(cmp1).toMatchObject({ broken: 6, fixed: 0, bothPass: 6 });

    // The production version itself is compared with the version before it.
    expect((await compare(ids.v2)).json).toMatchObject({ baseline: { id: ids.v1 }, baselineReason: "previous" });

    await prisma().project.update({ where: { id: ids.projectId }, data: { alpha: 0.01 } });
    try {
      const strict = (await compare(ids.v3)).json as unknown as ComparisonResource;
      expect(strict.alpha).toBe(0.01);
      // p = 0.03125 is no longer below α, and nothing is unpaired to tip it.
      expect(strict.problems.find((p) => p.key === "CMP-1")).toMatchObject({ pValue: 0.03125, verdict: "unchanged" });
    } finally {
      await prisma().project.update({ where: { id: ids.projectId }, data: { alpha: 0.05 } });
    }
  });

  it("answers 404 for unknown ids and 422 for a baseline of another project, itself, or none to be found", async () => {
    const unknown = "cl0000000000000000000000x";
    const notFound = await compare(unknown);
    expect(notFound.status).toBe(404);
    expect(notFound.json.error?.code).toBe("not_found");
    expect((await compare("../etc")).status).toBe(404);
    const noBaseline = await compare(ids.v3, `?baseline=${unknown}`);
    expect(noBaseline.status).toBe(404);
    expect(noBaseline.json.error?.message).toMatch(/Baseline model version not found/);

    const foreign = await compare(ids.v3, `?baseline=${ids.other}`);
    expect(foreign.status).toBe(422);
    expect(foreign.json.error).toMatchObject({ code: "validation_failed", fields: [{ path: "query.baseline", message: "belongs to another project" }] });

    const itself = await compare(ids.v3, `?baseline=${ids.v3}`);
    expect(itself.status).toBe(422);
    expect(itself.json.error?.fields?.[0]?.path).toBe("query.baseline");

    const alone = await compare(ids.lonely);
    expect(alone.status).toBe(422);
    expect(alone.json.error?.message).toMatch(/no other model version/);

    const badInclude = await compare(ids.v3, "?include=everything");
    expect(badInclude.status).toBe(400);
    expect(badInclude.json.error?.fields?.[0]?.path).toBe("query.include");
  });

  it("works with a read-scoped API token", async () => {
    const token = await createTestToken(stakeholder, ["read"]);
    const res = await callRoute(compareRoute, { path: `/api/v1/models/${ids.v3}/compare`, params: { modelId: ids.v3 }, headers: { authorization: `Bearer ${token.secret}` } });
    expect(res.status, res.text).toBe(200);
  });
});
