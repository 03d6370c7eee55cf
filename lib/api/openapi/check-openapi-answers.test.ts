import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./build-openapi-document";
import { checkOpenApiAnswers } from "./check-openapi-answers";

const item = z.object({ id: z.string(), rate: z.number().nullable() });
const doc = buildOpenApiDocument([
  { path: "/api/v1/things", method: "POST", handler: { definition: { permission: "projects.write", schemas: { body: z.object({ name: z.string() }) }, response: { status: 201, schema: item } } } },
  { path: "/api/v1/things/{thingId}", method: "GET", handler: { definition: { permission: "projects.read", response: {} } } },
]);

describe("checkOpenApiAnswers", () => {
  it("accepts documented statuses with valid bodies, error bodies included", () => {
    expect(
      checkOpenApiAnswers(doc, [
        { method: "POST", path: "/api/v1/things", status: 201, body: { id: "a", rate: null } },
        { method: "POST", path: "/api/v1/things", status: 422, body: { error: { code: "validation_failed", message: "bad", fields: [{ path: "body.name", message: "is required" }] } } },
        { method: "GET", path: "/api/v1/things/{thingId}", status: 404, body: { error: { code: "not_found", message: "no" } } },
      ]),
    ).toEqual([]);
  });

  it("names an undocumented status, a body the schema rejects, a JSON answer without a schema, and an unknown operation", () => {
    const problems = checkOpenApiAnswers(doc, [
      { method: "POST", path: "/api/v1/things", status: 200, body: { id: "a", rate: 1 } },
      { method: "POST", path: "/api/v1/things", status: 201, body: { id: 7, rate: 1 }, test: "t" },
      { method: "POST", path: "/api/v1/things", status: 422, body: { message: "flat" } },
      { method: "GET", path: "/api/v1/things/{thingId}", status: 200, body: { id: "a" } },
      { method: "DELETE", path: "/api/v1/things", status: 204 },
    ]);
    expect(problems.map((p) => [p.operation, p.status, p.problem.split(":")[0]])).toEqual([
      ["POST /api/v1/things", 200, "status 200 is not documented (documented"],
      ["POST /api/v1/things", 201, "body does not match the documented schema"],
      ["POST /api/v1/things", 422, "body does not match the documented schema"],
      ["GET /api/v1/things/{thingId}", 200, "answers a JSON body but the document gives no response schema"],
      ["DELETE /api/v1/things", 204, "the document has no such operation"],
    ]);
    expect(problems[1]).toMatchObject({ problem: expect.stringContaining("/id must be string"), test: "t" });
  });
});
