import "server-only";
import { prisma } from "@/lib/db/prisma";

export type ProjectSummary = Awaited<ReturnType<typeof listProjects>>[number];

/** Every project, by name, with how many problems and model versions it has. */
export async function listProjects() {
  return prisma().project.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      outputKind: true,
      _count: { select: { problems: true, modelVersions: true } },
    },
  });
}
