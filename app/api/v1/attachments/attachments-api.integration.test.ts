import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as attachmentRoute from "@/app/api/v1/attachments/[attachmentId]/route";
import * as uploadRoute from "@/app/api/v1/projects/[projectId]/attachments/route";
import * as problemPatternsRoute from "@/app/api/v1/problems/[problemId]/patterns/route";
import type { RouteContext } from "@/lib/api/api-route";
import { prisma } from "@/lib/db/prisma";
import { createTestProject, patternTableCounts } from "@/lib/patterns/pattern-test-fixtures";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

let tester: TestUser;
let stakeholder: TestUser;
let projectId: string;
let otherProjectId: string;
let problemId: string;
let png: Buffer;

async function upload(user: TestUser, body: Uint8Array | string, contentType: string, id = projectId) {
  const request = new Request(`http://localhost:3000/api/v1/projects/${id}/attachments`, {
    method: "POST",
    headers: { cookie: user.cookie, origin: "http://localhost:3000", "content-type": contentType },
    body: body as BodyInit,
  });
  const response = await uploadRoute.POST(request, { params: Promise.resolve({ projectId: id }) } as RouteContext);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fields?: { path: string; message: string }[] } } };
}

async function download(user: TestUser, attachmentId: string, query = "") {
  const request = new Request(`http://localhost:3000/api/v1/attachments/${attachmentId}${query}`, { headers: { cookie: user.cookie } });
  return attachmentRoute.GET(request, { params: Promise.resolve({ attachmentId }) } as RouteContext);
}

beforeAll(async () => {
  tester = await createTestUser("tester");
  stakeholder = await createTestUser("stakeholder");
  const { project, problems } = await createTestProject();
  projectId = project.id;
  problemId = problems[0]!.id;
  otherProjectId = (await createTestProject()).project.id;
  png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
});

describe("POST /projects/{projectId}/attachments", () => {
  it("stores a real PNG with its hash, size and a 160 px thumbnail; the same bytes again give the same attachment", async () => {
    const res = await upload(tester, png, "image/png");
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ contentType: "image/png", width: 640, height: 480, byteSize: png.byteLength, url: `/api/v1/attachments/${res.json.id as string}` });
    const row = await prisma().attachment.findUniqueOrThrow({ where: { id: res.json.id as string } });
    expect(Buffer.from(row.data).equals(png)).toBe(true);
    const thumb = await sharp(Buffer.from(row.thumbnail!)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 160, 120]);

    const again = await upload(tester, png, "image/png");
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(res.json.id);
    expect(await prisma().attachment.count({ where: { projectId } })).toBe(1);
  });

  it("records the real format when the Content-Type is another image type", async () => {
    const jpeg = await sharp({ create: { width: 20, height: 10, channels: 3, background: "blue" } }).jpeg().toBuffer();
    const res = await upload(tester, jpeg, "image/png");
    expect(res.status).toBe(201);
    expect(res.json.contentType).toBe("image/jpeg");
  });

  it("refuses a text file called an image (422), a wrong Content-Type (422), more than 5 MB (413), stakeholders (403), unknown projects (404) — writing nothing", async () => {
    const before = await patternTableCounts();
    const fake = await upload(tester, "this is not an image, just text renamed .png", "image/png");
    expect(fake.status).toBe(422);
    expect(fake.json.error?.message).toMatch(/not a PNG\/JPEG\/WebP image/);
    const truncated = await upload(tester, png.subarray(0, 200), "image/png");
    expect(truncated.status).toBe(422);
    expect((await upload(tester, png, "text/plain")).status).toBe(422);
    expect((await upload(tester, new Uint8Array(5 * 1024 * 1024 + 1), "image/png")).status).toBe(413);
    expect((await upload(stakeholder, png, "image/png")).status).toBe(403);
    expect((await upload(tester, png, "image/png", "cl0000000000000000000000x")).status).toBe(404);
    expect(await patternTableCounts()).toEqual(before);
  });
});

describe("GET /attachments/{attachmentId}", () => {
  it("serves the bytes and the thumbnail with their content types and long cache headers, to every role", async () => {
    const { json } = await upload(tester, png, "image/png");
    const original = await download(stakeholder, json.id as string);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);

    const thumbnail = await download(stakeholder, json.id as string, "?thumbnail=1");
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(160);

    const cached = await attachmentRoute.GET(
      new Request(`http://localhost:3000/api/v1/attachments/${json.id as string}`, { headers: { cookie: stakeholder.cookie, "if-none-match": original.headers.get("etag")! } }),
      { params: Promise.resolve({ attachmentId: json.id as string }) } as RouteContext,
    );
    expect(cached.status).toBe(304);
    expect((await download(stakeholder, "cl0000000000000000000000x")).status).toBe(404);
  });
});

describe("image patterns", () => {
  it("take an attachment of the same project only", async () => {
    const { json } = await upload(tester, png, "image/png");
    const foreign = await upload(tester, await sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } }).png().toBuffer(), "image/png", otherProjectId);
    const body = (attachmentId: string) => ({ name: "Muffin photo", inputKind: "image", input: { attachmentId }, expectation: { kind: "not_equals", value: "positive" } });

    const ok = await callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId }, body: body(json.id as string), headers: { cookie: tester.cookie } });
    expect(ok.status, ok.text).toBe(201);
    const revision = await prisma().patternRevision.findUniqueOrThrow({ where: { id: ok.json.revisionId as string } });
    expect(revision).toMatchObject({ inputKind: "image", attachmentId: json.id, input: { attachmentId: json.id } });

    const refused = await callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId }, body: body(foreign.json.id as string), headers: { cookie: tester.cookie } });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields?.[0]?.path).toBe("body.input.attachmentId");
  });
});
