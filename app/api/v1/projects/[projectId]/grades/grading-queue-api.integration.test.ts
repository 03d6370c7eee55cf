import { beforeAll, describe, expect, it } from "vitest";
import * as gradingQueue from "@/app/api/v1/projects/[projectId]/grades/queue/route";
import * as patternRoute from "@/app/api/v1/patterns/[patternId]/route";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// The grading queue holds only outputs that count: current revisions of
// non-archived patterns. A pattern's history (?patternId=) still reaches the
// older ones. Real routes (the edit and the archive too), real database.

let engineer: TestUser;
let projectId: string;
let problemId: string;
let modelVersionId: string;

async function humanPattern(name: string) {
  const input = { text: name };
  const pattern = await prisma().pattern.create({
    data: {
      projectId,
      problemId,
      name,
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "human" } } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: pattern.revisions[0]!.id } });
  return { patternId: pattern.id, revisionId: pattern.revisions[0]!.id };
}

async function ungradedResult(patternId: string, patternRevisionId: string, output: string) {
  await prisma().result.create({ data: { projectId, problemId, patternId, patternRevisionId, modelVersionId, output, outputHash: hashJson(output), verdict: null } });
}

async function queue(query = "") {
  const res = await callRoute(gradingQueue.GET, { path: `/api/v1/projects/${projectId}/grades/queue${query}`, params: { projectId }, headers: { cookie: engineer.cookie } });
  expect(res.status, res.text).toBe(200);
  return res.json.items as { patternId: string; patternRevisionId: string; output: unknown; current: boolean }[];
}

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  projectId = (await prisma().project.create({ data: { slug: "grading-queue", name: "gq", outputKind: "text", keyPrefix: "GQ" } })).id;
  problemId = (await prisma().problem.create({ data: { projectId, number: 1, key: "GQ-1", title: "Tone", severity: "high", target: 0.2 } })).id;
  modelVersionId = (await prisma().modelVersion.create({ data: { projectId, name: "m", version: "1", connectorKind: "predictions", connector: { kind: "predictions" } } })).id;
});

describe("the grading queue", () => {
  it("drops an edited pattern's old revision and an archived pattern's outputs; the pattern's history still lists them", async () => {
    const edited = await humanPattern("edited");
    const archived = await humanPattern("archived");
    const untouched = await humanPattern("untouched");
    await ungradedResult(edited.patternId, edited.revisionId, "old answer");
    await ungradedResult(archived.patternId, archived.revisionId, "archived answer");
    await ungradedResult(untouched.patternId, untouched.revisionId, "kept answer");
    expect((await queue()).map((i) => i.output).sort()).toEqual(["archived answer", "kept answer", "old answer"]);

    const patched = await callRoute(patternRoute.PATCH, {
      method: "PATCH",
      params: { patternId: edited.patternId },
      body: { lockVersion: 0, input: { text: "edited, now clearer" } },
      headers: { cookie: engineer.cookie },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.revision).toBe(2);
    const secondRevisionId = (await prisma().pattern.findUniqueOrThrow({ where: { id: edited.patternId } })).currentRevisionId!;
    await ungradedResult(edited.patternId, secondRevisionId, "new answer");
    const archivedRes = await callRoute(patternRoute.DELETE, { method: "DELETE", params: { patternId: archived.patternId }, headers: { cookie: engineer.cookie } });
    expect(archivedRes.status, archivedRes.text).toBeLessThan(300);

    const items = await queue();
    expect(items.map((i) => [i.output, i.patternRevisionId, i.current]).sort()).toEqual([
      ["kept answer", untouched.revisionId, true],
      ["new answer", secondRevisionId, true],
    ]);

    const history = await queue(`?patternId=${edited.patternId}`);
    expect(history.map((i) => [i.output, i.patternRevisionId, i.current]).sort()).toEqual([
      ["new answer", secondRevisionId, true],
      ["old answer", edited.revisionId, false],
    ]);
    expect((await queue(`?patternId=${archived.patternId}`)).map((i) => [i.output, i.current])).toEqual([["archived answer", false]]);
  });

  it("refuses a malformed patternId with 400 naming the parameter", async () => {
    const res = await callRoute(gradingQueue.GET, { path: `/api/v1/projects/${projectId}/grades/queue?patternId=${"x".repeat(300)}`, params: { projectId }, headers: { cookie: engineer.cookie } });
    expect(res.status).toBe(400);
    expect(res.json.error!.fields!.map((f) => f.path)).toEqual(["query.patternId"]);
  });
});
