import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findStaleness } from "./find-staleness";
import { signoffRecordSelect, toSignoffResource, type SignoffResource } from "./signoff-resource";

export type ModelVersionSignoff = SignoffResource & { problem: { key: string; title: string } };

/** Every decision ever made on a model version, newest first: who approved or rejected what and when, superseded and stale marked. */
export async function listModelVersionSignoffs(projectId: string, modelVersionId: string): Promise<ModelVersionSignoff[]> {
  const rows = await prisma().signOff.findMany({
    where: { projectId, modelVersionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...signoffRecordSelect, problem: { select: { key: true, title: true } } },
  });
  const newestPerProblem = new Set<string>();
  const current = rows.filter((row) => !newestPerProblem.has(row.problemId) && newestPerProblem.add(row.problemId));
  const staleness = await findStaleness(projectId, current);
  return rows.map((row) => ({
    ...toSignoffResource(row, staleness.get(row.id) ?? { stale: false, staleReason: null }, !staleness.has(row.id)),
    problem: row.problem,
  }));
}
