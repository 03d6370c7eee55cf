import type { Prisma } from "@/lib/db/generated/client";
import { toGatePolicy } from "@/lib/gate/gate-policy.schema";
import type { ProjectResource } from "./project.schema";

export const projectResourceSelect = {
  id: true,
  name: true,
  slug: true,
  outputKind: true,
  description: true,
  keyPrefix: true,
  labels: true,
  inputSchema: true,
  gatePolicy: true,
  alpha: true,
  driftThreshold: true,
  maxModelAgeDays: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { problems: true } },
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectResourceSelect }>;

/** The API's view of a project row. */
export function toProjectResource(row: ProjectRow): ProjectResource {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    outputKind: row.outputKind,
    description: row.description,
    keyPrefix: row.keyPrefix,
    labels: row.labels,
    inputSchema: (row.inputSchema as Record<string, unknown> | null) ?? null,
    gatePolicy: toGatePolicy(row.gatePolicy),
    alpha: row.alpha,
    driftThreshold: row.driftThreshold,
    maxModelAgeDays: row.maxModelAgeDays,
    lockVersion: row.lockVersion,
    problemCount: row._count.problems,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
