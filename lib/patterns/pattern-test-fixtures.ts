import { prisma } from "@/lib/db/prisma";
import type { OutputKind } from "@/lib/db/generated/enums";

// Rows the pattern, attachment and import/export integration tests start from,
// written directly: projects and problems have their own API and tests.

let counter = 0;

export async function createTestProject(options: { outputKind?: OutputKind; labels?: string[]; keyPrefix?: string; problemKeys?: number } = {}) {
  counter++;
  const keyPrefix = options.keyPrefix ?? "SENT";
  const problemCount = options.problemKeys ?? 2;
  const project = await prisma().project.create({
    data: {
      slug: `test-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Test project ${counter}`,
      outputKind: options.outputKind ?? "label",
      keyPrefix,
      labels: options.labels ?? (options.outputKind && options.outputKind !== "label" ? [] : ["positive", "negative", "neutral"]),
      nextProblemNumber: problemCount + 1,
    },
  });
  const problems = [];
  for (let number = 1; number <= problemCount; number++) {
    problems.push(
      await prisma().problem.create({
        data: { projectId: project.id, number, key: `${keyPrefix}-${number}`, title: `Problem ${number}`, severity: "high", target: 0.2 },
      }),
    );
  }
  return { project, problems };
}

/** A callable model version, so pattern changes must request back-fill replays. */
export async function createTestModelVersion(projectId: string, version = "1.0") {
  return prisma().modelVersion.create({
    data: {
      projectId,
      name: "sentiment",
      version,
      connectorKind: "openinference",
      connector: { kind: "openinference", baseUrl: "http://127.0.0.1:9/models", model: "sentiment", version, inputName: "text", outputName: "label" },
    },
  });
}

/** Every row count a failed request must leave unchanged. */
export async function patternTableCounts() {
  const [patterns, revisions, attachments, runs, audit] = await Promise.all([
    prisma().pattern.count(),
    prisma().patternRevision.count(),
    prisma().attachment.count(),
    prisma().replayRun.count(),
    prisma().auditEvent.count({ where: { action: { startsWith: "pattern." } } }),
  ]);
  return { patterns, revisions, attachments, runs, audit };
}
