import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as testConnectionRoute from "@/app/api/v1/models/[modelId]/test-connection/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { prisma } from "@/lib/db/prisma";
import { requestReplay } from "@/lib/replay/request-replay";
import { runReplayBatch } from "@/lib/replay/run-replay-batch";
import { seedReplayFixture, type ReplayFixture } from "@/lib/replay/testing/seed-replay-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { summariseUnlabelledOutputs } from "@/lib/models/summarise-unlabelled-outputs";

// A label project ("positive", "negative") and a real Open Inference server
// whose label tensor holds INT64 class ids (positive 0, negative 1), as a
// scikit-learn/ONNX/Triton classifier answers: registration and Test
// connection refuse the model until `labels` names the ids; a replay of a
// version stored without them is flagged on the model version page.

let engineer: TestUser;
let server: ModelServer;
let fixture: ReplayFixture;

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  server = await startModelServer({ protocol: "openinference", behaviour: { classIds: true } });
  fixture = await seedReplayFixture(prisma(), { baseUrl: server.url, patterns: 6, maxBatchSize: 4 });
});

afterAll(async () => {
  await server.close();
});

const register = (version: string, connector: Record<string, unknown>) =>
  callRoute(modelsRoute.POST, {
    method: "POST",
    path: `/api/v1/projects/${fixture.projectId}/models`,
    params: { projectId: fixture.projectId },
    body: { name: "classifier", version, connector: { kind: "openinference", baseUrl: server.url, model: "m", outputName: "label", ...connector } },
    headers: { cookie: engineer.cookie },
  });

describe("a label project and a model answering class ids", () => {
  it("registration sends the first patterns and refuses, 422 on connector.labels, naming the ids and the labels", async () => {
    const before = server.requests.length;
    const res = await register("no-labels", {});
    expect(res.status, res.text).toBe(422);
    expect(res.json).toEqual({
      error: {
        code: "validation_failed",
        message: "The model answered 0, 1 for the project's first 5 patterns: not labels of this project (expected one of positive, negative). These look like class ids: set labels to the class names in id order.",
        fields: [{ path: "body.connector.labels", message: "the model answers class ids (0, 1); list the class names in id order" }],
      },
    });
    expect(server.requests.length).toBe(before + 1);
    expect(server.requests.at(-1)!.texts).toHaveLength(5);
    expect(await prisma().modelVersion.count({ where: { projectId: fixture.projectId, name: "classifier" } })).toBe(0);
  });

  it("with labels naming the ids, registration succeeds and the replay judges labels", async () => {
    const res = await register("labels", { labels: ["positive", "negative", "neutral"] });
    expect(res.status, res.text).toBe(201);
    const modelVersionId = res.json.id as string;
    const run = await prisma().replayRun.findFirstOrThrow({ where: { modelVersionId } });
    const items = await prisma().replayRunItem.findMany({ where: { runId: run.id }, select: { patternRevisionId: true } });
    await runReplayBatch({ runId: run.id, projectId: fixture.projectId, modelVersionId, patternRevisionIds: items.map((i) => i.patternRevisionId) });
    const results = await prisma().result.findMany({ where: { modelVersionId }, select: { output: true, verdict: true } });
    expect(results).toHaveLength(6);
    expect(results.every((r) => r.verdict === "pass" && (r.output === "positive" || r.output === "negative"))).toBe(true);
    expect(await summariseUnlabelledOutputs({ id: fixture.projectId, outputKind: "label", labels: ["positive", "negative"] }, modelVersionId)).toEqual({
      outputs: 6,
      unlabelled: 0,
      distinct: 0,
      examples: [],
    });
  });

  it("Test connection of a version stored without labels refuses with 422 on connector.labels", async () => {
    const res = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, body: {}, headers: { cookie: engineer.cookie } });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({
      error: {
        message: expect.stringContaining("The model answered 0 for the project's first pattern: not labels of this project (expected one of positive, negative)."),
        fields: [{ path: "connector.labels" }],
      },
    });
  });

  it("a replay of that version stores the ids as they came, fails them, and the page's summary flags them", async () => {
    const run = await prisma().$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
    await runReplayBatch({ runId: run.id, projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, patternRevisionIds: fixture.revisionIds });
    const results = await prisma().result.findMany({ where: { modelVersionId: fixture.modelVersionId }, select: { output: true, verdict: true } });
    expect(results.map((r) => r.output).sort()).toEqual([0, 0, 0, 1, 1, 1]);
    expect(results.every((r) => r.verdict === "fail")).toBe(true);
    expect(await summariseUnlabelledOutputs({ id: fixture.projectId, outputKind: "label", labels: ["positive", "negative"] }, fixture.modelVersionId)).toEqual({
      outputs: 6,
      unlabelled: 6,
      distinct: 2,
      examples: ["0", "1"],
    });
    // Outside label projects nothing is flagged.
    expect(await summariseUnlabelledOutputs({ id: fixture.projectId, outputKind: "number", labels: [] }, fixture.modelVersionId)).toBeNull();
  });
});
