import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { findStaleness } from "./find-staleness";
import { signoffRecordSelect } from "./signoff-resource";

/** The decision that counts for one (problem, model version): the newest, with `stale` computed now. */
export type CurrentSignoff = {
  id: string;
  problemId: string;
  modelVersionId: string;
  decision: "approve" | "reject";
  comment: string;
  stale: boolean;
  staleReason: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};

/** The newest decision per problem on this model version (superseded ones excluded), stale computed at read time. */
export async function listCurrentSignoffs(projectId: string, modelVersionId: string): Promise<CurrentSignoff[]> {
  return listNewestSignoffs(projectId, { modelVersionId });
}

/** Newest decision per (problem, model version) matching `where`, within the project. */
export async function listNewestSignoffs(projectId: string, where: Prisma.SignOffWhereInput): Promise<CurrentSignoff[]> {
  const rows = await prisma().signOff.findMany({
    where: { ...where, projectId },
    orderBy: [{ problemId: "asc" }, { modelVersionId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    distinct: ["problemId", "modelVersionId"],
    select: signoffRecordSelect,
  });
  const staleness = await findStaleness(projectId, rows);
  return rows.map((row) => ({
    id: row.id,
    problemId: row.problemId,
    modelVersionId: row.modelVersionId,
    decision: row.decision,
    comment: row.comment,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    ...(staleness.get(row.id) ?? { stale: true, staleReason: null }),
  }));
}
