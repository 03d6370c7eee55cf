import "server-only";
import { prisma } from "@/lib/db/prisma";

export type ProblemDetails = NonNullable<Awaited<ReturnType<typeof getProblemByKey>>>;

/** One problem of the project by its key ("SENT-3"), or null. */
export async function getProblemByKey(projectId: string, key: string) {
  return prisma().problem.findUnique({
    where: { projectId_key: { projectId, key } },
    select: {
      id: true,
      key: true,
      number: true,
      title: true,
      description: true,
      severity: true,
      status: true,
      target: true,
      origin: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { name: true, email: true } },
    },
  });
}
