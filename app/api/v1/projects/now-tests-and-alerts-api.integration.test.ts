import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import * as nowTests from "@/app/api/v1/models/[modelId]/now-tests/route";
import * as schedule from "@/app/api/v1/projects/[projectId]/now-test-schedule/route";
import * as webhooks from "@/app/api/v1/projects/[projectId]/webhooks/route";
import * as webhook from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/route";
import * as deliveries from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/deliveries/route";
import * as sendTest from "@/app/api/v1/projects/[projectId]/webhooks/[webhookId]/test/route";
import { alertsWorkload } from "@/lib/alerts/alerts-workload";
import { emitProjectEvent } from "@/lib/alerts/emit-project-event";
import { verifyWebhookSignature } from "@/lib/alerts/sign-webhook-body";
import { createPrismaClient, prisma } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { seedReplayFixture, type ReplayFixture } from "@/lib/replay/testing/seed-replay-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { defaultLabelFor, startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/start-webhook-receiver";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// The loop after the release, end to end on loopback: a real model server whose
// answers change between two now-tests, a worker running replays and alerts,
// and a real webhook receiver that checks each delivery's signature.

const db = createPrismaClient(inject("databaseUrl"));
let modelServer: ModelServer;
let receiver: WebhookReceiver;
let worker: Worker;
let engineer: TestUser;
let fixture: ReplayFixture;
/** The model's rule; swapped between now-tests to play a silent redeploy. */
let labelFor = defaultLabelFor;

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const waitForNowTest = (id: string) =>
  waitUntil(() => db.nowTest.findUniqueOrThrow({ where: { id } }), (n) => n.status !== "running", `now-test ${id}`);

const waitForDelivery = (id: string, status: "delivered" | "failed") =>
  waitUntil(() => db.webhookDelivery.findUniqueOrThrow({ where: { id } }), (d) => d.status === status, `delivery ${id}`);

beforeAll(async () => {
  modelServer = await startModelServer({ protocol: "openinference", behaviour: { labelFor: (text) => labelFor(text) } });
  receiver = await startWebhookReceiver();
  const replay = replayWorkload({ intervalMs: 100 });
  const alerts = alertsWorkload({ retryLimit: 2, retryDelaySeconds: 1, intervalMs: 100 });
  worker = await startWorker({
    jobs: [...replay.jobs, ...alerts.jobs],
    sweeps: [...(replay.sweeps ?? []), ...(alerts.sweeps ?? [])],
    concurrency: 4,
    pollingIntervalSeconds: 0.5,
    superviseIntervalSeconds: 1,
    log: () => {},
  });
  engineer = await createTestUser("engineer");
  fixture = await seedReplayFixture(db, { baseUrl: modelServer.url, patterns: 6, maxBatchSize: 2 });
  await db.modelVersion.update({ where: { id: fixture.modelVersionId }, data: { status: "production" } });
});

afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await modelServer?.close();
  await receiver?.close();
  await db.$disconnect();
});

describe("now-tests and webhook alerts", () => {
  let secret: string;
  let hookId: string;

  it("creates a hook (201, secret shown once and stored encrypted) and refuses URLs outside the outbound policy", async () => {
    const headers = { cookie: engineer.cookie };
    const created = await callRoute(webhooks.POST, {
      method: "POST",
      params: { projectId: fixture.projectId },
      headers,
      body: { url: `${receiver.url}/ratchet`, format: "json", events: ["now_test.changed_outputs", "replay.completed", "problem.crossed_target", "captures.drift"] },
    });
    expect(created.status, created.text).toBe(201);
    secret = created.json.secret as string;
    hookId = created.json.id as string;
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);

    const listed = await callRoute(webhooks.GET, { params: { projectId: fixture.projectId }, headers });
    expect(listed.json.items).toEqual([expect.objectContaining({ id: hookId, format: "json" })]);
    expect(listed.text).not.toContain(secret);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: hookId } });
    expect(Buffer.from(row.secret).toString("utf8")).not.toContain(secret);

    const metadata = await callRoute(webhooks.POST, { method: "POST", params: { projectId: fixture.projectId }, headers, body: { url: "http://169.254.169.254/latest", format: "slack", events: ["gate.changed"] } });
    expect(metadata.status).toBe(422);
    expect(metadata.json.error?.fields?.[0]?.path).toBe("body.url");
    const unknownEvent = await callRoute(webhooks.POST, { method: "POST", params: { projectId: fixture.projectId }, headers, body: { url: `${receiver.url}/x`, format: "json", events: ["replay.exploded"] } });
    expect(unknownEvent.status).toBe(422);
    expect(unknownEvent.json.error?.fields?.[0]?.path).toBe("body.events.0");
    expect(await db.webhook.count({ where: { projectId: fixture.projectId } })).toBe(1);

    const tester = await createTestUser("tester");
    const refused = await callRoute(webhooks.POST, { method: "POST", params: { projectId: fixture.projectId }, headers: { cookie: tester.cookie }, body: { url: `${receiver.url}/x`, format: "json", events: ["gate.changed"] } });
    expect(refused.status).toBe(403);
    // Everyone reads the hooks, but only roles that manage them see the whole URL (a Slack hook's path is a credential).
    const asTester = await callRoute(webhooks.GET, { params: { projectId: fixture.projectId }, headers: { cookie: tester.cookie } });
    expect(asTester.json.items).toEqual([expect.objectContaining({ id: hookId, url: `${receiver.url}/…` })]);
  });

  it("a now-test after the model's answers changed records the changed patterns and fires a signed webhook", async () => {
    const headers = { cookie: engineer.cookie };
    const first = await callRoute(nowTests.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers });
    expect(first.status, first.text).toBe(202);
    expect(first.json).toMatchObject({ status: "running", modelVersionId: fixture.modelVersionId, changedOutputs: [] });
    const firstDone = await waitForNowTest(first.json.id as string);
    // Nothing to compare with yet: the version had no results.
    expect(firstDone).toMatchObject({ status: "completed", compared: 0, changedOutputs: [], crossedTarget: [] });

    // The served model changes under the same name: two answers move.
    labelFor = (text) => (text === "good 2" ? "neutral" : text === "bad 3" ? "positive" : defaultLabelFor(text));
    const second = await callRoute(nowTests.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers });
    expect(second.status, second.text).toBe(202);
    const secondDone = await waitForNowTest(second.json.id as string);
    expect(secondDone.status).toBe("completed");
    expect(secondDone.compared).toBe(6);
    expect([...secondDone.changedOutputs].sort()).toEqual([fixture.patternIds[2]!, fixture.patternIds[3]!].sort());
    // 0 of 6 failed before, 2 of 6 now: above the target of 10 %.
    expect(secondDone.crossedTarget).toEqual([fixture.problemId]);

    const listed = await callRoute(nowTests.GET, { params: { modelId: fixture.modelVersionId }, headers });
    expect((listed.json.items as { id: string; changedOutputs: string[] }[]).map((n) => n.id)).toEqual([second.json.id, first.json.id]);

    await receiver.waitFor((got) => got.some((r) => r.headers["x-ratchet-event"] === "now_test.changed_outputs"));
    const delivery = receiver.received.find((r) => r.headers["x-ratchet-event"] === "now_test.changed_outputs")!;
    expect(delivery.path).toBe("/ratchet");
    expect(verifyWebhookSignature(delivery.body, secret, delivery.headers["x-ratchet-signature"])).toBe(true);
    expect(verifyWebhookSignature(delivery.body, "whsec_wrong", delivery.headers["x-ratchet-signature"])).toBe(false);
    const body = JSON.parse(delivery.body) as { event: string; data: { nowTestId: string; changedOutputs: string[] } };
    expect(body.event).toBe("now_test.changed_outputs");
    expect(body.data.nowTestId).toBe(second.json.id);
    expect([...body.data.changedOutputs].sort()).toEqual([...secondDone.changedOutputs].sort());

    // The same finish also crossed the problem's target (the first run recorded "under"), and both runs completed.
    await receiver.waitFor((got) => got.filter((r) => r.headers["x-ratchet-event"] === "replay.completed").length === 2 && got.some((r) => r.headers["x-ratchet-event"] === "problem.crossed_target"));
    const crossed = receiver.received.filter((r) => r.headers["x-ratchet-event"] === "problem.crossed_target");
    expect(crossed).toHaveLength(1);
    expect(JSON.parse(crossed[0]!.body).data).toMatchObject({ problemId: fixture.problemId, direction: "above" });
    expect(receiver.received.every((r) => verifyWebhookSignature(r.body, secret, r.headers["x-ratchet-signature"]))).toBe(true);
    // A now-test while none runs is fine; the version must be in production.
    const candidate = await db.modelVersion.create({ data: { projectId: fixture.projectId, name: "label", version: "2", connectorKind: "openinference", connector: { kind: "openinference", baseUrl: modelServer.url, model: "label" } } });
    const refused = await callRoute(nowTests.POST, { method: "POST", params: { modelId: candidate.id }, headers });
    expect(refused.status).toBe(409);
  });

  it("retries a failing receiver with backoff and logs each attempt; gives up after the last", async () => {
    const headers = { cookie: engineer.cookie };
    receiver.answerWith("/flaky", (attempt) => (attempt < 2 ? 503 : 204));
    receiver.answerWith("/down", () => 500);
    const hooks: Record<string, string> = {};
    for (const path of ["/flaky", "/down"]) {
      const created = await callRoute(webhooks.POST, { method: "POST", params: { projectId: fixture.projectId }, headers, body: { url: `${receiver.url}${path}`, format: "slack", events: ["gate.changed"] } });
      expect(created.status, created.text).toBe(201);
      hooks[path] = created.json.id as string;
    }
    const flaky = await callRoute(sendTest.POST, { method: "POST", params: { projectId: fixture.projectId, webhookId: hooks["/flaky"]! }, headers });
    expect(flaky.status, flaky.text).toBe(202);
    expect(flaky.json).toMatchObject({ event: "webhook.test", status: "pending", attempts: 0 });
    const down = await callRoute(sendTest.POST, { method: "POST", params: { projectId: fixture.projectId, webhookId: hooks["/down"]! }, headers });

    const delivered = await waitForDelivery(flaky.json.id as string, "delivered");
    expect(delivered).toMatchObject({ attempts: 3, responseStatus: 204, lastError: null });
    const failed = await waitForDelivery(down.json.id as string, "failed");
    expect(failed).toMatchObject({ attempts: 3, responseStatus: 500, lastError: "receiver answered HTTP 500" });
    expect(receiver.received.filter((r) => r.path === "/flaky")).toHaveLength(3);
    expect(receiver.received.filter((r) => r.path === "/down")).toHaveLength(3);
    // Slack's shape, signed the same way.
    const slack = JSON.parse(receiver.received.find((r) => r.path === "/flaky")!.body) as { text: string; blocks: unknown[] };
    expect(slack.text).toContain("Test delivery");
    expect(slack.blocks.length).toBeGreaterThan(0);

    const log = await callRoute(deliveries.GET, { params: { projectId: fixture.projectId, webhookId: hooks["/down"]! }, headers });
    expect(log.json.items).toEqual([expect.objectContaining({ id: down.json.id, status: "failed", attempts: 3, lastError: "receiver answered HTTP 500" })]);

    const removed = await callRoute(webhook.DELETE, { method: "DELETE", params: { projectId: fixture.projectId, webhookId: hooks["/down"]! }, headers });
    expect(removed.status).toBe(204);
    expect(await db.webhookDelivery.count({ where: { webhookId: hooks["/down"]! } })).toBe(0);
  });

  it("an event with a dedupe key fires once (drift over threshold)", async () => {
    const emit = () =>
      prisma().$transaction((tx) =>
        emitProjectEvent(tx, { projectId: fixture.projectId, event: "captures.drift", dedupeKey: "week-2026-49", payload: { summary: "Capture drift 0.31 over threshold 0.2", distance: 0.31 } }),
      );
    const once = await emit();
    const again = await emit();
    expect(once).toMatchObject({ deliveries: 1 });
    expect(once.eventId).toBeTruthy();
    expect(again).toEqual({ eventId: null, deliveries: 0 });
    expect(await db.projectEvent.count({ where: { projectId: fixture.projectId, event: "captures.drift" } })).toBe(1);
    await receiver.waitFor((got) => got.some((r) => r.headers["x-ratchet-event"] === "captures.drift"));
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { projectEventId: once.eventId! } });
    await waitForDelivery(delivery.id, "delivered");
    expect(receiver.received.filter((r) => r.headers["x-ratchet-event"] === "captures.drift")).toHaveLength(1);
  });

  it("keeps the schedule off by default and validates the cron expression", async () => {
    const headers = { cookie: engineer.cookie };
    const initial = await callRoute(schedule.GET, { params: { projectId: fixture.projectId }, headers });
    expect(initial.json).toMatchObject({ enabled: false, nextRunAt: null });
    const bad = await callRoute(schedule.PUT, { method: "PUT", params: { projectId: fixture.projectId }, headers, body: { cron: "* * * * *", enabled: true } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fields?.[0]?.path).toBe("body.cron");
    const saved = await callRoute(schedule.PUT, { method: "PUT", params: { projectId: fixture.projectId }, headers, body: { cron: "0 6 * * 1", enabled: true } });
    expect(saved.status, saved.text).toBe(200);
    const next = new Date(saved.json.nextRunAt as string);
    expect(next.getUTCDay()).toBe(1);
    expect(next.getUTCHours()).toBe(6);
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });
});
