import { beforeAll, describe, expect, it } from "vitest";
import { GET as distributionRoute } from "@/app/api/v1/models/[modelId]/output-distribution/route";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import type { OutputDistribution } from "@/lib/models/output-distribution.schema";
import { getOutputDistribution } from "@/lib/models/get-output-distribution";
import { readOutputs } from "@/lib/models/get-output-distribution-view";
import { distributionKindOf } from "@/lib/models/output-key-sql";
import { readOutputSample } from "@/lib/models/read-output-sample";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// One project per output kind, written row by row: the distribution the route
// answers is checked against counts made here from the seed itself.

type Seeded = { projectId: string; versionId: string; problemId: string };
let stakeholder: TestUser;
let label: Seeded;
let number: Seeded;
let text: Seeded;
let json: Seeded;
let hashed: Seeded;

/** withHashes: each result carries its output's hash, as replays write them (no hash: as older or imported results may). */
async function seedProject(slug: string, outputKind: "label" | "number" | "text" | "json", outputs: (Prisma.InputJsonValue | "error")[], labels: string[] = [], withHashes = false): Promise<Seeded> {
  const project = await prisma().project.create({ data: { slug, name: slug, outputKind, keyPrefix: "DST", labels } });
  const problem = await prisma().problem.create({ data: { projectId: project.id, number: 1, key: "DST-1", title: "p", severity: "low", target: 0.2 } });
  const version = await prisma().modelVersion.create({ data: { projectId: project.id, name: "m", version: "1", connectorKind: "predictions", connector: { kind: "predictions" } } });
  for (const [i, output] of outputs.entries()) await addResult({ projectId: project.id, versionId: version.id, problemId: problem.id }, `p${i}`, output, withHashes);
  return { projectId: project.id, versionId: version.id, problemId: problem.id };
}

async function addResult(seeded: Seeded, name: string, output: Prisma.InputJsonValue | "error", withHash = false) {
  const pattern = await prisma().pattern.create({ data: { projectId: seeded.projectId, problemId: seeded.problemId, name, purpose: "case", origin: "contrived" } });
  const revision = await prisma().patternRevision.create({
    data: { projectId: seeded.projectId, patternId: pattern.id, number: 1, inputKind: "text", input: name, inputHash: `h-${pattern.id}`, expectation: { kind: "human" } },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revision.id } });
  await prisma().result.create({
    data: {
      projectId: seeded.projectId,
      problemId: seeded.problemId,
      patternId: pattern.id,
      patternRevisionId: revision.id,
      modelVersionId: seeded.versionId,
      verdict: output === "error" ? "error" : "pass",
      ...(output === "error" ? { errorReason: "timeout" } : { output, ...(withHash ? { outputHash: hashJson(output) } : {}) }),
    },
  });
  return { patternId: pattern.id, revisionId: revision.id };
}

const get = (modelId: string, headers: Record<string, string> = { cookie: stakeholder.cookie }) =>
  callRoute(distributionRoute, { path: `/api/v1/models/${modelId}/output-distribution`, params: { modelId }, headers });

beforeAll(async () => {
  stakeholder = await createTestUser("stakeholder");
  label = await seedProject(
    "dist-label",
    "label",
    ["positive", "positive", "positive", ["negative", "positive"], [{ label: "negative", score: 0.9 }], 8, "error"],
    ["positive", "negative", "neutral"],
  );
  // An archived pattern and an edited pattern's old revision count no more.
  const archived = await addResult(label, "archived", "neutral");
  await prisma().pattern.update({ where: { id: archived.patternId }, data: { archivedAt: new Date() } });
  const edited = await addResult(label, "edited", "neutral");
  const revision2 = await prisma().patternRevision.create({
    data: { projectId: label.projectId, patternId: edited.patternId, number: 2, inputKind: "text", input: "edited 2", inputHash: "h-edited-2", expectation: { kind: "human" } },
  });
  await prisma().pattern.update({ where: { id: edited.patternId }, data: { currentRevisionId: revision2.id } });

  number = await seedProject("dist-number", "number", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 10, 10, "not a number", "error"]);
  text = await seedProject("dist-text", "text", ["yes", "yes", "no", "maybe", "yes", "no"]);
  json = await seedProject("dist-json", "json", [{ b: 1, a: 2 }, { a: 2, b: 1 }, [1, 2]]);
  hashed = await seedProject("dist-hashed", "label", ["positive", "negative", "positive", [{ label: "negative", score: 0.9 }], "positive", "other", "error"], ["positive", "negative"], true);
});

describe("GET /api/v1/models/{modelId}/output-distribution", () => {
  it("label: a bucket per project label in the project's order (0 when unused), then other answers; rankings count by their best entry; errors, archived patterns and old revisions left out", async () => {
    const response = await get(label.versionId);
    expect(response.status).toBe(200);
    expect(response.json as unknown as OutputDistribution).toEqual({
      kind: "label",
      total: 6,
      buckets: [
        { value: "positive", count: 3 },
        { value: "negative", count: 2 },
        { value: "neutral", count: 0 },
        { value: "8", count: 1 },
      ],
    });
  });

  it("number: an equal-width histogram from the smallest to the largest output (lower bounds), non-numbers and errors left out", async () => {
    const response = await get(number.versionId);
    expect(response.status).toBe(200);
    const body = response.json as unknown as OutputDistribution;
    expect(body.kind).toBe("number");
    expect(body.total).toBe(16);
    // ceil(√16) = 4 bins of width 2.5 over [0, 10]; the largest value closes the last bin.
    expect(body.buckets).toEqual([
      { value: 0, count: 3 },
      { value: 2.5, count: 2 },
      { value: 5, count: 3 },
      { value: 7.5, count: 8 },
    ]);
    expect(body.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(body.total);
  });

  it("text: the commonest outputs first", async () => {
    const body = (await get(text.versionId)).json as unknown as OutputDistribution;
    expect(body).toEqual({ kind: "text", total: 6, buckets: [{ value: "yes", count: 3 }, { value: "no", count: 2 }, { value: "maybe", count: 1 }] });
  });

  it("json: an output counts as its canonical JSON text, so key order does not split a bucket", async () => {
    const body = (await get(json.versionId)).json as unknown as OutputDistribution;
    expect(body.kind).toBe("text");
    expect(body.total).toBe(3);
    expect(body.buckets).toEqual([{ value: '{"a": 2, "b": 1}', count: 2 }, { value: "[1, 2]", count: 1 }]);
  });

  it("results carrying output hashes (as replays write them) count each output once per result, equal outputs together", async () => {
    const body = (await get(hashed.versionId)).json as unknown as OutputDistribution;
    expect(body).toEqual({
      kind: "label",
      total: 6,
      buckets: [
        { value: "positive", count: 3 },
        { value: "negative", count: 2 },
        { value: "other", count: 1 },
      ],
    });
  });

  it("a version without results has an empty distribution (every label at 0)", async () => {
    const empty = await prisma().modelVersion.create({ data: { projectId: label.projectId, name: "m", version: "empty", connectorKind: "predictions", connector: { kind: "predictions" } } });
    const body = (await get(empty.id)).json as unknown as OutputDistribution;
    expect(body).toEqual({ kind: "label", total: 0, buckets: ["positive", "negative", "neutral"].map((value) => ({ value, count: 0 })) });
    const emptyNumber = await prisma().modelVersion.create({ data: { projectId: number.projectId, name: "m", version: "empty", connectorKind: "predictions", connector: { kind: "predictions" } } });
    expect((await get(emptyNumber.id)).json).toEqual({ kind: "number", total: 0, buckets: [] });
  });

  it("401 signed out, 404 for an unknown or malformed id", async () => {
    expect((await get(label.versionId, {})).status).toBe(401);
    expect((await get("c".repeat(25))).status).toBe(404);
    expect((await get("not-an-id")).status).toBe(404);
  });

  it("a token limited to another project is refused another project's model version; a read token of its own project is answered", async () => {
    const limited = await createTestToken(stakeholder, ["read"], { projectIds: [text.projectId] });
    const other = await get(label.versionId, { authorization: `Bearer ${limited.secret}` });
    expect(other.status).toBe(403);
    expect(other.json).not.toHaveProperty("kind");
    const own = await get(text.versionId, { authorization: `Bearer ${limited.secret}` });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ kind: "text", total: 6 });
    const captureOnly = await createTestToken(stakeholder, ["capture"]);
    expect((await get(text.versionId, { authorization: `Bearer ${captureOnly.secret}` })).status).toBe(403);
  });
});

describe("readOutputs (the compare page's outputs section)", () => {
  it("draws the API's distribution and measures the drift check's sample, each kind read once per version", async () => {
    for (const seeded of [label, number, text, json, hashed]) {
      const project = await prisma().project.findUniqueOrThrow({ where: { id: seeded.projectId }, select: { id: true, outputKind: true, labels: true } });
      const kind = distributionKindOf(project.outputKind);
      const { view, sample } = await readOutputs(project, seeded.versionId);
      expect(view.distribution, project.outputKind).toEqual(await getOutputDistribution(seeded.versionId));
      expect(sample, project.outputKind).toEqual(await readOutputSample(project.id, seeded.versionId, kind));
      expect(view.lengths === null, project.outputKind).toBe(kind !== "text");
    }
    // The label project's sample counts every answer, not only the project's labels: 8 is an answer too.
    const { sample } = await readOutputs((await prisma().project.findUniqueOrThrow({ where: { id: label.projectId } })), label.versionId);
    expect(sample).toEqual({ kind: "categorical", counts: new Map([["positive", 3], ["negative", 2], ["8", 1]]) });
  });
});
