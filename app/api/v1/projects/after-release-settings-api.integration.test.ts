import { describe, expect, it } from "vitest";
import { PATCH as patchProject } from "@/app/api/v1/projects/[projectId]/route";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/test-actors";

// The after-release project settings (capture drift threshold, model age limit) through the API.
describe("PATCH /api/v1/projects/{id}: the after-release settings", () => {
  it("admins and engineers set the drift threshold and model age limit (null turns them off); bad values get 422 with the field; testers get 403", async () => {
    const engineer = await createTestUser("engineer");
    const tester = await createTestUser("tester");
    const project = await prisma().project.create({ data: { slug: "drift-settings", name: "Settings", outputKind: "number", keyPrefix: "DS" } });
    const patch = (body: Record<string, unknown>, cookie = engineer.cookie) =>
      callRoute(patchProject, { method: "PATCH", path: `/api/v1/projects/${project.id}`, params: { projectId: project.id }, headers: { cookie }, body });

    const fresh = await prisma().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(fresh).toMatchObject({ driftThreshold: 0.2, maxModelAgeDays: null });

    for (const [body, path] of [
      [{ driftThreshold: 1.5 }, "body.driftThreshold"],
      [{ driftThreshold: 0 }, "body.driftThreshold"],
      [{ maxModelAgeDays: 2.5 }, "body.maxModelAgeDays"],
      [{ maxModelAgeDays: 0 }, "body.maxModelAgeDays"],
    ] as const) {
      const response = await patch({ lockVersion: 0, ...body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.json.error?.fields?.map((f) => f.path)).toEqual([path]);
    }
    expect((await patch({ lockVersion: 0, driftThreshold: 0.5 }, tester.cookie)).status).toBe(403);
    expect(await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ driftThreshold: 0.2, maxModelAgeDays: null, lockVersion: 0 });

    const saved = await patch({ lockVersion: 0, driftThreshold: 0.35, maxModelAgeDays: 30 });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ driftThreshold: 0.35, maxModelAgeDays: 30, lockVersion: 1 });
    const off = await patch({ lockVersion: 1, driftThreshold: null, maxModelAgeDays: null });
    expect(off.json).toMatchObject({ driftThreshold: null, maxModelAgeDays: null });
    expect(await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ driftThreshold: null, maxModelAgeDays: null });
  });
});
