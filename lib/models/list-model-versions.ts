import "server-only";
import { prisma } from "@/lib/db/prisma";

export const modelVersionSelect = {
  id: true,
  name: true,
  version: true,
  status: true,
  connectorKind: true,
  trainedAt: true,
  metrics: true,
  sourceUrl: true,
  artifactChecksum: true,
  createdAt: true,
} as const;

export type ModelVersionListItem = Awaited<ReturnType<typeof listModelVersions>>[number];

/** The project's model versions in registration order: the x axis of every chart. */
export async function listModelVersions(projectId: string) {
  return prisma().modelVersion.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: modelVersionSelect,
  });
}
