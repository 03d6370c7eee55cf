import type { Prisma } from "@/lib/db/generated/client";
import type { ProblemResource } from "./problem.schema";

export const problemResourceSelect = {
  id: true,
  projectId: true,
  key: true,
  number: true,
  title: true,
  description: true,
  severity: true,
  status: true,
  target: true,
  origin: true,
  ownerId: true,
  owner: { select: { id: true, name: true } },
  ratchet: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProblemSelect;

type ProblemRow = Prisma.ProblemGetPayload<{ select: typeof problemResourceSelect }>;

/** The API's view of a problem row. */
export function toProblemResource(row: ProblemRow): ProblemResource {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
