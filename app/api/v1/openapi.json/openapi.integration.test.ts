import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createProblem } from "@/app/api/v1/projects/[projectId]/problems/route";
import { callRoute } from "@/lib/testing/call-route";
import { discoverApiRoutes } from "@/lib/testing/discover-api-routes";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import type { OpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { MANIFEST_PATH, METHODS_TABLE_PATH, OPENAPI_ROUTE_FILE, renderApiManifest, renderApiMethodsTable, scanApiRoutes } from "@/lib/api/openapi/render-api-manifest";
import { apiManifest } from "./api-manifest.generated";
import { GET as getOpenApi } from "./route";

let user: TestUser;
let doc: OpenApiDocument;

beforeAll(async () => {
  user = await createTestUser("stakeholder");
  const res = await callRoute(getOpenApi, { path: "/api/v1/openapi.json", headers: { cookie: user.cookie } });
  expect(res.status).toBe(200);
  doc = res.json as unknown as OpenApiDocument;
});

describe("the API manifest", () => {
  it("is up to date with the route files on disk (run `npm run api:manifest` when this fails)", () => {
    const committed = readFileSync(path.join(process.cwd(), MANIFEST_PATH), "utf8");
    expect(committed).toBe(renderApiManifest(scanApiRoutes(process.cwd())));
    expect(readFileSync(path.join(process.cwd(), METHODS_TABLE_PATH), "utf8")).toBe(renderApiMethodsTable(scanApiRoutes(process.cwd())));
  });

  it("holds exactly the handlers the route modules export, but this document's own", async () => {
    const discovered = (await discoverApiRoutes()).filter((r) => r.file !== OPENAPI_ROUTE_FILE);
    const manifest = apiManifest();
    expect(manifest.map((e) => `${e.method} ${e.path}`).sort()).toEqual(discovered.map((r) => `${r.method} ${r.urlPath.replace(/\[([^\]]+)\]/g, "{$1}")}`).sort());
    for (const route of discovered) {
      const entry = manifest.find((e) => e.method === route.method && e.path === route.urlPath.replace(/\[([^\]]+)\]/g, "{$1}"));
      expect(entry?.handler, route.file).toBe(route.handler);
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 with both security schemes and the error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "sessionCookie"]);
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
  });

  it("describes every route on disk, itself included, with its permission", async () => {
    const discovered = await discoverApiRoutes();
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(discovered.map((r) => `${r.method} ${r.urlPath.replace(/\[([^\]]+)\]/g, "{$1}")}`).sort());
    for (const route of discovered) {
      const operation = doc.paths[route.urlPath.replace(/\[([^\]]+)\]/g, "{$1}")]![route.method.toLowerCase()]!;
      expect(operation["x-permission"], `${route.method} ${route.urlPath}`).toBe((route.handler as { permission?: string }).permission);
    }
  });

  it("documents the problems POST body exactly as the validator enforces it", async () => {
    const operation = doc.paths["/api/v1/projects/{projectId}/problems"]!.post!;
    const schema = operation.requestBody!.content["application/json"]!.schema as { required: string[]; properties: Record<string, { enum?: string[]; minimum?: number; maximum?: number }> };
    expect(schema.required.sort()).toEqual(["severity", "target", "title"]);
    expect(schema.properties.target).toMatchObject({ minimum: 0, maximum: 1 });
    expect(schema.properties.severity!.enum).toEqual(["critical", "high", "medium", "low"]);

    // And the validator agrees: an empty body names exactly the required fields.
    const admin = await createTestUser("admin");
    const res = await callRoute(createProblem, { method: "POST", params: { projectId: "cl0000000000000000000000x" }, body: {}, headers: { cookie: admin.cookie } });
    expect(res.status).toBe(422);
    expect(res.json.error!.fields!.map((f) => f.path.replace(/^body\./, "")).sort()).toEqual(schema.required);
  });

  it("lists pagination and filter parameters of the problem list, and path ids", () => {
    const operation = doc.paths["/api/v1/projects/{projectId}/problems"]!.get!;
    expect(operation.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["path:projectId", "query:cursor", "query:limit", "query:q", "query:severity", "query:sort"]),
    );
  });

  it("keeps every $ref resolvable", () => {
    const text = JSON.stringify(doc);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses)\/([^"]+)"/g)) {
      expect(doc.components[kind as "schemas" | "responses"][name!], name).toBeDefined();
    }
    expect(text).not.toContain("#/$defs/");
  });

  it("documents the statuses the handlers answer, upload bodies, and a response schema for every JSON success", () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses).sort();
    expect(statuses("/api/v1/grades", "post")).toContain("201");
    expect(statuses("/api/v1/projects/{projectId}/models", "post")).toContain("201");
    expect(statuses("/api/v1/models/{modelId}/replays", "post")).toContain("202");
    expect(statuses("/api/v1/models/{modelId}/replays", "post")).not.toContain("200");
    const artifact = doc.paths["/api/v1/models/{modelId}/artifact"]!.post!;
    expect(Object.keys(artifact.requestBody!.content).sort()).toEqual(["application/octet-stream", "application/x-ndjson", "multipart/form-data", "text/csv"]);
    expect(statuses("/api/v1/models/{modelId}/artifact", "post")).toEqual(expect.arrayContaining(["200", "201", "409", "413", "422"]));
    // Binary and JSONL answers carry no JSON schema; every other success does.
    const nonJson = new Set(["get /api/v1/attachments/{attachmentId}", "get /api/v1/projects/{projectId}/patterns/export"]);
    const missing = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status, response]) => status.startsWith("2") && status !== "204" && !response.content && !nonJson.has(`${method} ${path}`))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("is readable with any token scope", async () => {
    const token = await createTestToken(user, ["capture"]);
    const res = await callRoute(getOpenApi, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(res.status).toBe(200);
  });
});
