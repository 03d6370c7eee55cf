import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { discoverApiRoutes, type DiscoveredRoute } from "@/lib/testing/discover-api-routes";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { ApiClientError } from "./api-fetch";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { dismissCapture, triageCapture } from "./captures";
import { importPatterns } from "./import-export";
import { createModelVersion, testModelConnection, updateModelVersion } from "./models";
import { archivePattern, createPattern, updatePattern } from "./patterns";
import { createProblem, updateProblem } from "./problems";
import { createProject, updateProject } from "./projects";
import { listActiveReplays, listModelReplays, requestReplay } from "./replays";
import { createInvite, revokeInvite, updateUser } from "./users";
import { getNowTestSchedule, listNowTests, requestNowTest, saveNowTestSchedule } from "./now-tests";
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, sendTestWebhook } from "./webhooks";

// The typed client against the real /api/v1 route handlers and the real
// database: the browser's fetch is replaced by one that finds the route file
// for the URL and method (a client function aiming at a route that does not
// exist fails here) and calls it with a signed-in admin's session cookie.

let admin: TestUser;
let routes: DiscoveredRoute[];
const requested: string[] = [];

async function fetchFromRoutes(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), "http://localhost:3000");
  const method = (init.method ?? "GET").toUpperCase();
  const route = routes.find((r) => r.method === method && new RegExp(`^${r.urlPath.replace(/\[[^\]]+\]/g, "[^/]+")}$`).test(url.pathname));
  if (!route) throw new Error(`no route answers ${method} ${url.pathname}`);
  requested.push(`${method} ${route.urlPath}`);
  const values = new RegExp(`^${route.urlPath.replace(/\[[^\]]+\]/g, "([^/]+)")}$`).exec(url.pathname)!.slice(1);
  const params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  const headers = new Headers(init.headers);
  headers.set("cookie", admin.cookie);
  headers.set("origin", url.origin); // as the browser sends with every write (CSRF check)
  const request = new Request(url, { method, headers, body: init.body });
  return (route.handler as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  admin = await createTestUser("admin");
  routes = await discoverApiRoutes();
  vi.stubGlobal("fetch", fetchFromRoutes);
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("the typed API client", () => {
  it("creates and edits a project, a problem and a pattern, and archives the pattern", async () => {
    const project = await createProject({ name: "Client check", slug: "client-check", outputKind: "label", labels: ["positive", "negative"] });
    expect(project).toMatchObject({ slug: "client-check", keyPrefix: "CC", lockVersion: 0 });
    const renamed = await updateProject(project.id, { name: "Client check 2", lockVersion: project.lockVersion });
    expect(renamed).toMatchObject({ name: "Client check 2", lockVersion: 1 });

    const problem = await createProblem(project.id, { title: "Sarcasm", severity: "high", target: 0.2 });
    expect(problem).toMatchObject({ key: "CC-1", status: "open", target: 0.2 });
    const edited = await updateProblem(problem.id, { status: "monitoring", lockVersion: problem.lockVersion });
    expect(edited.status).toBe("monitoring");

    const pattern = await createPattern(problem.id, { name: "Great, another Monday", inputKind: "text", input: "Great, another Monday", expectation: { kind: "equals", value: "negative" } });
    expect(pattern).toMatchObject({ problemKey: "CC-1", revision: 1, warnings: [] });
    expect(typeof pattern.createdAt).toBe("string");
    const revised = await updatePattern(pattern.id, { expectation: { kind: "equals", value: "positive" }, lockVersion: pattern.lockVersion });
    expect(revised).toMatchObject({ revision: 2, newRevision: true });
    await archivePattern(pattern.id);

    const rows = await prisma().problem.findUniqueOrThrow({ where: { id: problem.id }, select: { status: true, project: { select: { name: true } }, patterns: { select: { archivedAt: true } } } });
    expect(rows).toMatchObject({ status: "monitoring", project: { name: "Client check 2" } });
    expect(rows.patterns[0]?.archivedAt).toBeInstanceOf(Date);
  });

  it("surfaces a stale edit as ApiClientError 409 with the current state", async () => {
    const project = await createProject({ name: "Stale check", slug: "stale-check", outputKind: "number" });
    await updateProject(project.id, { description: "first", lockVersion: 0 });
    const error = await updateProject(project.id, { description: "second", lockVersion: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 409, code: "conflict", current: { description: "first", lockVersion: 1 } });
  });

  it("registers, edits, tests and replays a model version, and lists its replays", async () => {
    const project = await createProject({ name: "Models check", slug: "models-check", outputKind: "label", labels: ["yes", "no"] });
    const problem = await createProblem(project.id, { title: "Anything", severity: "low", target: 0.5 });
    await createPattern(problem.id, { name: "one", inputKind: "text", input: "hello", expectation: { kind: "equals", value: "yes" } });
    // A closed port: registration queues a replay; Test connection reports the failure.
    const model = await createModelVersion(project.id, { name: "m", version: "1", connector: { kind: "http", url: "http://127.0.0.1:9/predict" } });
    expect(model).toMatchObject({ name: "m", connectorKind: "http", callable: true });
    const updated = await updateModelVersion(model.id, { lockVersion: model.lockVersion, sourceUrl: "https://example.test/run/1" });
    expect(updated.sourceUrl).toBe("https://example.test/run/1");

    const test = await testModelConnection(model.id);
    expect(test).toMatchObject({ ok: false, pattern: { name: "one" } });

    const run = await requestReplay(model.id);
    expect(run).toMatchObject({ modelVersionId: model.id, trigger: "manual", total: 1 });
    const latest = await listModelReplays(model.id, { limit: 1 });
    expect(latest.items.map((r) => r.id)).toEqual([run.id]);
    const active = await listActiveReplays(project.id);
    expect(active.items.map((r) => r.modelVersionId)).toContain(model.id);
  });

  it("previews an import without writing, and triages and dismisses captures", async () => {
    const project = await createProject({ name: "Inbox check", slug: "inbox-check", outputKind: "label", labels: ["yes", "no"] });
    const problem = await createProblem(project.id, { title: "Inbox", severity: "medium", target: 0.3 });
    const preview = await importPatterns(project.id, { format: "csv", body: "problem,name,input,expectation\nIC-1,p1,\"\"\"hi\"\"\",\"{\"\"kind\"\":\"\"equals\"\",\"\"value\"\":\"\"yes\"\"}\"\n", dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, valid: 1, invalid: 0 });
    expect(await prisma().pattern.count({ where: { projectId: project.id } })).toBe(0);

    const [first, second] = await Promise.all(
      ["a", "b"].map((text) => prisma().capture.create({ data: { projectId: project.id, input: { text }, status: "inbox" }, select: { id: true } })),
    );
    const triaged = await triageCapture(first!.id, { problemId: problem.id, name: "from production", purpose: "case", expectation: { kind: "equals", value: "yes" } });
    expect(triaged.capture).toMatchObject({ status: "triaged", patternId: triaged.pattern.id });
    const dismissed = await dismissCapture(second!.id);
    expect(dismissed.status).toBe("dismissed");
  });

  it("creates and revokes tokens and invites, and changes a user's role", async () => {
    const token = await createApiToken({ name: "ci", scopes: ["gate"], expiresAt: null });
    expect(token.secret).toMatch(/^\S{20,}$/);
    await revokeApiToken(token.id);
    const invite = await createInvite({ email: "new.person@test.local", role: "tester" });
    expect(invite.url).toContain("/invite/");
    await revokeInvite(invite.id);
    const other = await createTestUser("tester");
    const changed = await updateUser(other.id, { role: "stakeholder" });
    expect(changed.role).toBe("stakeholder");

    const [tokenRow, inviteRow, userRow] = await Promise.all([
      prisma().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { revokedAt: true } }),
      prisma().invite.findUniqueOrThrow({ where: { id: invite.id }, select: { revokedAt: true } }),
      prisma().user.findUniqueOrThrow({ where: { id: other.id }, select: { role: true } }),
    ]);
    expect(tokenRow.revokedAt).toBeInstanceOf(Date);
    expect(inviteRow.revokedAt).toBeInstanceOf(Date);
    expect(userRow.role).toBe("stakeholder");
  });

  it("manages webhooks and the now-test schedule, and lists now-tests", async () => {
    const project = await createProject({ name: "Alerts check", slug: "alerts-check", outputKind: "label", labels: ["yes", "no"] });
    const hook = await createWebhook(project.id, { url: "http://127.0.0.1:9/hook", format: "slack", events: ["gate.changed", "gate.changed"] });
    expect(hook).toMatchObject({ format: "slack", events: ["gate.changed"] });
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await listWebhooks(project.id)).items.map((h) => h.id)).toEqual([hook.id]);
    const delivery = await sendTestWebhook(project.id, hook.id);
    expect(delivery).toMatchObject({ event: "webhook.test", status: "pending" });
    expect((await listWebhookDeliveries(project.id, hook.id)).items.map((d) => d.id)).toEqual([delivery.id]);
    await deleteWebhook(project.id, hook.id);
    expect(await prisma().webhook.count({ where: { projectId: project.id } })).toBe(0);

    expect(await getNowTestSchedule(project.id)).toMatchObject({ enabled: false });
    expect(await saveNowTestSchedule(project.id, { cron: "@daily", enabled: false })).toMatchObject({ cron: "@daily", enabled: false, nextRunAt: null });
    const model = await createModelVersion(project.id, { name: "m", version: "1", connector: { kind: "http", url: "http://127.0.0.1:9/predict" } });
    const refused = await requestNowTest(model.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409 });
    expect((await listNowTests(model.id)).items).toEqual([]);
  });

  it("reached every route above through a route file that exists", () => {
    expect([...new Set(requested)].sort()).toEqual(
      [
        "DELETE /api/v1/invites/[inviteId]",
        "DELETE /api/v1/patterns/[patternId]",
        "DELETE /api/v1/projects/[projectId]/webhooks/[webhookId]",
        "DELETE /api/v1/tokens/[tokenId]",
        "GET /api/v1/models/[modelId]/now-tests",
        "GET /api/v1/models/[modelId]/replays",
        "GET /api/v1/projects/[projectId]/now-test-schedule",
        "GET /api/v1/projects/[projectId]/webhooks",
        "GET /api/v1/projects/[projectId]/webhooks/[webhookId]/deliveries",
        "POST /api/v1/models/[modelId]/now-tests",
        "POST /api/v1/projects/[projectId]/webhooks",
        "POST /api/v1/projects/[projectId]/webhooks/[webhookId]/test",
        "PUT /api/v1/projects/[projectId]/now-test-schedule",
        "GET /api/v1/projects/[projectId]/replays",
        "PATCH /api/v1/models/[modelId]",
        "PATCH /api/v1/patterns/[patternId]",
        "PATCH /api/v1/problems/[problemId]",
        "PATCH /api/v1/projects/[projectId]",
        "PATCH /api/v1/users/[userId]",
        "POST /api/v1/captures/[captureId]/dismiss",
        "POST /api/v1/captures/[captureId]/triage",
        "POST /api/v1/invites",
        "POST /api/v1/models/[modelId]/replays",
        "POST /api/v1/models/[modelId]/test-connection",
        "POST /api/v1/problems/[problemId]/patterns",
        "POST /api/v1/projects",
        "POST /api/v1/projects/[projectId]/models",
        "POST /api/v1/projects/[projectId]/patterns/import",
        "POST /api/v1/projects/[projectId]/problems",
        "POST /api/v1/tokens",
      ].sort(),
    );
  });
});
