import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { ProblemResource } from "./problem.schema";
import { problemResourceSelect, toProblemResource } from "./problem-resource";

export async function getProblem(problemId: string): Promise<ProblemResource> {
  const row = await prisma().problem.findUnique({ where: { id: problemId }, select: problemResourceSelect });
  if (!row) throw new NotFoundError("Problem");
  return toProblemResource(row);
}
