import type { PrismaClient } from "@/lib/db/generated/client";
import { hashJson } from "@/lib/scoring/canonical-json";
import type { Expectation } from "@/lib/scoring/expectation.schema";

// A project with one problem, `patterns` patterns (texts "good 0", "bad 1", …
// expecting the test model server's answer — startModelServer's default label
// rule: "good" → positive, "bad" → negative — so every call that succeeds
// passes), and
// one openinference model version pointing at `baseUrl`.

export type ReplayFixture = { projectId: string; problemId: string; modelVersionId: string; revisionIds: string[]; patternIds: string[] };

export async function seedReplayFixture(
  db: PrismaClient,
  options: {
    baseUrl: string;
    patterns: number;
    maxBatchSize?: number;
    concurrency?: number;
    timeoutMs?: number;
    expectation?: (index: number) => Expectation;
    slug?: string;
  },
): Promise<ReplayFixture> {
  const slug = options.slug ?? `replay-${Math.random().toString(36).slice(2, 10)}`;
  const project = await db.project.create({ data: { slug, name: slug, outputKind: "label", keyPrefix: "RP", labels: ["positive", "negative"], nextProblemNumber: 2 } });
  const problem = await db.problem.create({ data: { projectId: project.id, number: 1, key: "RP-1", title: "Replay fixture", severity: "high", target: 0.1 } });
  const patternIds: string[] = [];
  const revisionIds: string[] = [];
  const rows = Array.from({ length: options.patterns }, (_, i) => {
    const text = `${i % 2 === 0 ? "good" : "bad"} ${i}`;
    return { text, expectation: options.expectation?.(i) ?? ({ kind: "equals", value: i % 2 === 0 ? "positive" : "negative" } as Expectation) };
  });
  for (const row of rows) {
    const input = { text: row.text };
    const pattern = await db.pattern.create({
      data: {
        projectId: project.id,
        problemId: problem.id,
        name: row.text,
        purpose: "case",
        origin: "contrived",
        revisions: { create: { projectId: project.id, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: row.expectation } },
      },
      select: { id: true, revisions: { select: { id: true } } },
    });
    const revisionId = pattern.revisions[0]!.id;
    await db.pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revisionId } });
    patternIds.push(pattern.id);
    revisionIds.push(revisionId);
  }
  const modelVersion = await db.modelVersion.create({
    data: {
      projectId: project.id,
      name: "label",
      version: "1",
      connectorKind: "openinference",
      connector: { kind: "openinference", baseUrl: options.baseUrl, model: "label", inputName: "text", outputName: "label", maxBatchSize: options.maxBatchSize ?? 1 },
      concurrency: options.concurrency ?? 4,
      timeoutMs: options.timeoutMs ?? 2_000,
    },
  });
  return { projectId: project.id, problemId: problem.id, modelVersionId: modelVersion.id, revisionIds, patternIds };
}
