import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as artifactRoute from "@/app/api/v1/models/[modelId]/artifact/route";
import * as signoffsRoute from "@/app/api/v1/problems/[problemId]/signoffs/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { createPrismaClient, prisma } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { waitForRun } from "@/lib/replay/testing/wait-for-run";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Predictions files through the real artifact route, a real worker and the
// real database: unknown pattern ids refused as a whole, label answers
// normalised like every other connector's, a file replaced until a sign-off.

const db = createPrismaClient(inject("databaseUrl"));
let worker: Worker;
let engineer: TestUser;
let stakeholder: TestUser;
let projectId: string;
let problemId: string;
const patternIds: string[] = [];
const revisionIds: string[] = [];

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  stakeholder = await createTestUser("stakeholder");
  const project = await prisma().project.create({ data: { slug: "preds", name: "preds", outputKind: "label", keyPrefix: "PRD", labels: ["positive", "negative"] } });
  projectId = project.id;
  problemId = (await prisma().problem.create({ data: { projectId, number: 1, key: "PRD-1", title: "Sarcasm", severity: "high", target: 0.5 } })).id;
  for (const [i, value] of ["positive", "negative", "positive"].entries()) {
    const input = { text: `text ${i}` };
    const pattern = await prisma().pattern.create({
      data: {
        projectId,
        problemId,
        name: `p${i}`,
        purpose: "case",
        origin: "contrived",
        revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "equals", value } } },
      },
      select: { id: true, revisions: { select: { id: true } } },
    });
    await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: pattern.revisions[0]!.id } });
    patternIds.push(pattern.id);
    revisionIds.push(pattern.revisions[0]!.id);
  }
  worker = await startWorker({ ...replayWorkload(), concurrency: 2, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
});
afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await db.$disconnect();
});

async function createPredictionsModel(version: string) {
  const res = await callRoute(modelsRoute.POST, {
    method: "POST",
    path: `/api/v1/projects/${projectId}/models`,
    params: { projectId },
    body: { name: "offline", version, connector: { kind: "predictions" } },
    headers: { cookie: engineer.cookie },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

async function upload(modelId: string, body: string, query = "") {
  const request = new Request(`http://localhost:3000/api/v1/models/${modelId}/artifact${query}`, {
    method: "POST",
    body,
    headers: { cookie: engineer.cookie, "content-type": "text/csv", origin: "http://localhost:3000" },
  });
  const response = await artifactRoute.POST(request, { params: Promise.resolve({ modelId }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { message: string; fields?: { path: string; message: string }[] } } };
}

const latestRun = (modelVersionId: string) => db.replayRun.findFirstOrThrow({ where: { modelVersionId }, orderBy: { createdAt: "desc" } });

describe("predictions files", () => {
  it("refuses a file naming unknown patterns with 422 listing each one by line, and stores nothing, even when other rows are fine", async () => {
    const modelId = await createPredictionsModel("unknown-ids");
    const allUnknown = await upload(modelId, "patternId,output\nnope-1,positive\nnope-2,negative\n");
    expect(allUnknown.status).toBe(422);
    expect(allUnknown.json.error!.fields).toEqual([
      { path: "body.file.line2", message: "unknown pattern nope-1" },
      { path: "body.file.line3", message: "unknown pattern nope-2" },
    ]);
    expect(allUnknown.json.error!.message).toContain("nope-1, nope-2");

    const mixed = await upload(modelId, `patternRevisionId,patternId,output\n${revisionIds[0]},,positive\n,${patternIds[1]},negative\nrev-x,,positive\n`);
    expect(mixed.status).toBe(422);
    expect(mixed.json.error!.fields).toEqual([{ path: "body.file.line4", message: "unknown pattern revision rev-x" }]);

    expect(await prisma().modelVersion.findUniqueOrThrow({ where: { id: modelId } })).toMatchObject({ artifactId: null });
    expect(await prisma().modelArtifact.count({ where: { projectId } })).toBe(0);
    expect(await prisma().replayRun.count({ where: { modelVersionId: modelId } })).toBe(0);
  });

  it("names the right line without parser noise", async () => {
    const modelId = await createPredictionsModel("messages");
    const noComma = await upload(modelId, `patternId\n${patternIds[0]}\n`);
    expect(noComma.status).toBe(422);
    expect(JSON.stringify(noComma.json)).not.toMatch(/delimiting/i);
    expect(noComma.json.error!.fields![0]).toEqual({ path: "body.file.line1", message: 'the header has no "output" column' });

    const blankLines = await upload(modelId, `patternId,output\n\n${patternIds[0]},positive\n\n\n,orphan\n`);
    expect(blankLines.status).toBe(422);
    expect(blankLines.json.error!.fields).toEqual([{ path: "body.file.line6", message: "needs patternRevisionId or patternId" }]);
  });

  it("previews which rows do not map onto a label (dry run: nothing stored), then judges normalised outputs", async () => {
    const modelId = await createPredictionsModel("normalised");
    const file = `patternId,output\n${patternIds[0]}, positive\n${patternIds[1]},Negative.\n${patternIds[2]},maybe\n`;
    const preview = await upload(modelId, file, "?dryRun=true&filename=p.csv");
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ dryRun: true, kind: "predictions", filename: "p.csv", replaces: false, predictions: { rows: 3 } });
    expect((preview.json.predictions as { notLabels: unknown[] }).notLabels).toEqual([{ line: 4, patternId: patternIds[2], patternRevisionId: null, output: "maybe" }]);
    expect(await prisma().modelArtifact.count({ where: { projectId } })).toBe(0);

    const stored = await upload(modelId, file.replace("maybe", "POSITIVE"));
    expect(stored.status).toBe(201);
    const run = await waitForRun(db, (await latestRun(modelId)).id);
    expect(run).toMatchObject({ status: "completed", passed: 3, failed: 0, errored: 0 });
    const results = await prisma().result.findMany({ where: { modelVersionId: modelId }, orderBy: { patternId: "asc" } });
    expect(Object.fromEntries(results.map((r) => [r.patternId, r.output]))).toEqual({ [patternIds[0]!]: "positive", [patternIds[1]!]: "negative", [patternIds[2]!]: "positive" });
  });

  it("replaces the file with a new replay run, keeps the old file, and refuses once someone signed off", async () => {
    const modelId = await createPredictionsModel("replaceable");
    const first = await upload(modelId, `patternId,output\n${patternIds[0]},negative\n${patternIds[1]},negative\n${patternIds[2]},negative\n`);
    expect(first.status).toBe(201);
    const firstRun = await waitForRun(db, (await latestRun(modelId)).id);
    expect(firstRun).toMatchObject({ passed: 1, failed: 2 });
    const firstArtifactId = (first.json.artifact as { id: string }).id;

    const preview = await upload(modelId, `patternId,output\n${patternIds[0]},positive\n`, "?dryRun=true");
    expect(preview.json).toMatchObject({ dryRun: true, replaces: true });

    const corrected = await upload(modelId, `patternId,output\n${patternIds[0]},positive\n${patternIds[1]},negative\n${patternIds[2]},positive\n`);
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(201);
    expect((corrected.json.artifact as { id: string }).id).not.toBe(firstArtifactId);
    const secondRun = await waitForRun(db, (await latestRun(modelId)).id);
    expect(secondRun.id).not.toBe(firstRun.id);
    expect(secondRun).toMatchObject({ status: "completed", passed: 3, failed: 0 });
    expect(await prisma().modelArtifact.findUnique({ where: { id: firstArtifactId }, select: { id: true } })).not.toBeNull();
    expect(await prisma().auditEvent.findFirst({ where: { action: "model.artifact_replace", entityId: modelId } })).toMatchObject({ data: { replacedArtifactId: firstArtifactId } });
    expect(await prisma().result.count({ where: { modelVersionId: modelId, verdict: "pass" } })).toBe(3);

    const signoff = await callRoute(signoffsRoute.POST, {
      method: "POST",
      params: { problemId },
      body: { modelVersionId: modelId, decision: "approve", comment: "fine" },
      headers: { cookie: stakeholder.cookie },
    });
    expect(signoff.status, signoff.text).toBe(201);
    const refused = await upload(modelId, `patternId,output\n${patternIds[0]},negative\n`);
    expect(refused.status).toBe(409);
    expect(refused.json.error!.message).toMatch(/signed off/);
    expect((await prisma().modelVersion.findUniqueOrThrow({ where: { id: modelId } })).artifactId).toBe((corrected.json.artifact as { id: string }).id);
    expect(await prisma().replayRun.count({ where: { modelVersionId: modelId } })).toBe(2);
  });
});
