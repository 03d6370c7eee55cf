import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { PATTERN_RECORD_KEYS } from "./pattern-record.schema";

const PAGE_SIZE = 500;

/**
 * The project's current (non-archived) patterns as JSONL lines in the import
 * format, problem by problem in key order, patterns in the order they were
 * added — so importing the file into a project with the same problem keys
 * recreates them. Image inputs carry the image's sha256 beside its id, so they
 * resolve in any project the same image was uploaded to. Returns the project
 * (to name the file) and the lines, read page by page as they are consumed.
 */
export async function exportPatterns(projectId: string) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true, slug: true } });
  if (!project) throw new NotFoundError("Project");
  return { project, lines: exportLines(projectId) };
}

async function* exportLines(projectId: string): AsyncGenerator<string> {
  const problems = await prisma().problem.findMany({ where: { projectId }, orderBy: { number: "asc" }, select: { id: true, key: true } });
  for (const problem of problems) {
    let cursor: string | undefined;
    for (;;) {
      const patterns = await prisma().pattern.findMany({
        where: { projectId, problemId: problem.id, archivedAt: null, currentRevisionId: { not: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: PAGE_SIZE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          name: true,
          purpose: true,
          origin: true,
          notes: true,
          currentRevision: { select: { inputKind: true, input: true, expectation: true, attachment: { select: { sha256: true } } } },
        },
      });
      for (const pattern of patterns) {
        const revision = pattern.currentRevision!;
        const input = revision.inputKind === "image" && revision.attachment ? { ...(revision.input as object), sha256: revision.attachment.sha256 } : revision.input;
        const record = {
          problem: problem.key,
          name: pattern.name,
          purpose: pattern.purpose,
          origin: pattern.origin,
          inputKind: revision.inputKind,
          input,
          expectation: revision.expectation,
          notes: pattern.notes,
        } satisfies Record<(typeof PATTERN_RECORD_KEYS)[number], unknown>;
        yield `${JSON.stringify(record)}\n`;
      }
      if (patterns.length < PAGE_SIZE) break;
      cursor = patterns[patterns.length - 1]!.id;
    }
  }
}
