import { beforeAll, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { POST as createCapture } from "@/app/api/v1/projects/[projectId]/captures/route";
import { POST as grade } from "@/app/api/v1/grades/route";
import type { ApiRouteHandler } from "@/lib/api/api-route";
import { PROJECT_OF_PARAM, TOKEN_PROJECT_FREE_ROUTES } from "@/lib/api-tokens/token-project-access";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { discoverApiRoutes } from "@/lib/testing/discover-api-routes";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Tokens limited to chosen projects, through every real route a token may
// call: each id in a path is resolved to its project, and a token limited to
// another project gets 403 before anything is read or written.

type Ids = Record<string, string>;
let admin: TestUser;
const ids: { a: Ids; b: Ids } = { a: {}, b: {} };

async function seedProject(slug: string): Promise<Ids> {
  const project = await prisma().project.create({ data: { slug, name: slug, outputKind: "label", keyPrefix: slug.toUpperCase(), labels: ["yes", "no"] } });
  const projectId = project.id;
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: `${slug.toUpperCase()}-1`, title: "t", severity: "low", target: 0.5 } });
  const input = { text: slug };
  const pattern = await prisma().pattern.create({
    data: {
      projectId,
      problemId: problem.id,
      name: "p",
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "human" } } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  const revisionId = pattern.revisions[0]!.id;
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revisionId } });
  const model = await prisma().modelVersion.create({ data: { projectId, name: "m", version: "1", connectorKind: "predictions", connector: { kind: "predictions" } } });
  await prisma().result.create({ data: { projectId, problemId: problem.id, patternId: pattern.id, patternRevisionId: revisionId, modelVersionId: model.id, output: "yes", outputHash: hashJson("yes") } });
  const capture = await prisma().capture.create({ data: { projectId, input: { text: "captured" } } });
  const run = await prisma().replayRun.create({ data: { projectId, modelVersionId: model.id, trigger: "manual", status: "completed" } });
  const signoff = await prisma().signOff.create({
    data: { projectId, problemId: problem.id, modelVersionId: model.id, decision: "approve", n: 0, passed: 0, failed: 0, errored: 0, patternSetFingerprint: "x" },
  });
  const attachment = await prisma().attachment.create({ data: { projectId, contentType: "image/png", byteSize: 1, sha256: "0".repeat(64), data: new Uint8Array([1]) } });
  const webhook = await prisma().webhook.create({ data: { projectId, url: "http://127.0.0.1:9/hook", format: "json", events: ["gate.changed"], secret: new Uint8Array([1]) } });
  return {
    projectId,
    problemId: problem.id,
    patternId: pattern.id,
    revisionId,
    modelId: model.id,
    captureId: capture.id,
    runId: run.id,
    signoffId: signoff.id,
    attachmentId: attachment.id,
    webhookId: webhook.id,
  };
}

beforeAll(async () => {
  admin = await createTestUser("admin");
  ids.a = await seedProject("tpa");
  ids.b = await seedProject("tpb");
});

const ALL_SCOPES = ["read", "write", "capture", "gate"] as const;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe("project-limited tokens", () => {
  it("reach only their projects on every route with a project in its path, and every other token route is accounted for", async () => {
    const onlyA = await createTestToken(admin, [...ALL_SCOPES], { projectIds: [ids.a.projectId!] });
    const onlyB = await createTestToken(admin, [...ALL_SCOPES], { projectIds: [ids.b.projectId!] });
    const routes = (await discoverApiRoutes()).filter((r) => {
      const permission = (r.handler as Partial<ApiRouteHandler>).permission;
      return permission !== undefined && PERMISSIONS[permission].scopes.length > 0;
    });
    const projectFree = routes.filter((r) => !r.params.some((p) => p in PROJECT_OF_PARAM)).map((r) => `${r.method} ${r.urlPath}`);
    expect(projectFree.sort()).toEqual(Object.keys(TOKEN_PROJECT_FREE_ROUTES).sort());

    const checked: string[] = [];
    for (const route of routes.filter((r) => r.params.some((p) => p in PROJECT_OF_PARAM))) {
      const params = Object.fromEntries(route.params.map((p) => [p, ids.b[p]!]));
      expect(Object.values(params).every(Boolean), route.urlPath).toBe(true);
      const call = (secret: string) =>
        callRoute(route.handler as ApiRouteHandler, { method: route.method, params, headers: bearer(secret), ...(route.method === "GET" || route.method === "DELETE" ? {} : { body: {} }) });
      const refused = await call(onlyA.secret);
      expect([route.method, route.urlPath, refused.status, refused.json?.error?.message]).toEqual([route.method, route.urlPath, 403, "This API token is limited to other projects."]);
      const allowed = await call(onlyB.secret);
      expect([route.method, route.urlPath, allowed.status === 403 ? allowed.text : "not 403"]).toEqual([route.method, route.urlPath, "not 403"]);
      checked.push(`${route.method} ${route.urlPath}`);
    }
    expect(checked.length).toBe(routes.length - projectFree.length);
  });

  it("lists only the token's projects, may not create one, and grades only its projects' outputs", async () => {
    const onlyA = await createTestToken(admin, ["read", "write"], { projectIds: [ids.a.projectId!] });
    const listed = await callRoute(listProjects, { headers: bearer(onlyA.secret) });
    expect((listed.json.items as { id: string }[]).map((p) => p.id)).toEqual([ids.a.projectId]);
    const created = await callRoute(createProject, { method: "POST", body: { name: "New", slug: "new-one", outputKind: "label", labels: ["yes", "no"] }, headers: bearer(onlyA.secret) });
    expect(created.status).toBe(403);
    expect(await prisma().project.count({ where: { slug: "new-one" } })).toBe(0);
    const body = (revisionId: string) => ({ patternRevisionId: revisionId, outputHash: hashJson("yes"), verdict: "pass" });
    expect((await callRoute(grade, { method: "POST", body: body(ids.b.revisionId!), headers: bearer(onlyA.secret) })).status).toBe(403);
    expect(await prisma().humanGrade.count()).toBe(0);
    const graded = await callRoute(grade, { method: "POST", body: body(ids.a.revisionId!), headers: bearer(onlyA.secret) });
    expect(graded.status, graded.text).toBe(201);

    const unlimited = await createTestToken(admin, ["read"]);
    const all = await callRoute(listProjects, { headers: bearer(unlimited.secret) });
    expect((all.json.items as { id: string }[]).map((p) => p.id).sort()).toEqual([ids.a.projectId, ids.b.projectId].sort());
  });

  it("capture tokens must name their projects, capture only there, and their /me shows the token, not its owner", async () => {
    const post = (body: unknown) => callRoute(createToken, { method: "POST", body, headers: { cookie: admin.cookie } });
    const missing = await post({ name: "prod", scopes: ["capture"] });
    expect(missing.status).toBe(422);
    expect(missing.json.error!.fields).toEqual([{ path: "body.projectIds", message: "a token with the capture scope must name its projects" }]);
    const unknown = await post({ name: "prod", scopes: ["capture"], projectIds: ["cl0000000000000000000000x"] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error!.fields).toEqual([{ path: "body.projectIds.0", message: "unknown project cl0000000000000000000000x" }]);
    expect(await prisma().apiToken.count({ where: { name: "prod" } })).toBe(0);

    const created = await post({ name: "prod", scopes: ["capture"], projectIds: [ids.a.projectId] });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ name: "prod", scopes: ["capture"], projectIds: [ids.a.projectId] });
    const secret = created.json.secret as string;

    const capture = (projectId: string) => callRoute(createCapture, { method: "POST", params: { projectId }, body: { input: { text: "hi" } }, headers: bearer(secret) });
    expect((await capture(ids.b.projectId!)).status).toBe(403);
    expect(await prisma().capture.count({ where: { projectId: ids.b.projectId!, createdById: admin.id } })).toBe(0);
    expect((await capture(ids.a.projectId!)).status).toBe(201);

    const whoAmI = await callRoute(me, { headers: bearer(secret) });
    expect(whoAmI.status).toBe(200);
    expect(whoAmI.json).toEqual({ user: null, token: { id: created.json.id, name: "prod", scopes: ["capture"], projectIds: [ids.a.projectId] } });
    expect(whoAmI.text).not.toContain(admin.email);

    const read = await createTestToken(admin, ["read"]);
    expect((await callRoute(me, { headers: bearer(read.secret) })).json).toMatchObject({ user: { id: admin.id, email: admin.email, role: "admin" }, token: { scopes: ["read"], projectIds: [] } });
  });
});
