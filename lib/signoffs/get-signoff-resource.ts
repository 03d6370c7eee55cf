import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { findStaleness } from "./find-staleness";
import { signoffRecordSelect, toSignoffResource, type SignoffResource } from "./signoff-resource";

/** One sign-off with `stale` and `superseded` as of now; 404 when it does not exist. */
export async function getSignoffResource(signoffId: string): Promise<SignoffResource> {
  const row = await prisma().signOff.findUnique({ where: { id: signoffId }, select: signoffRecordSelect });
  if (!row) throw new NotFoundError("Sign-off");
  const newest = await prisma().signOff.findFirst({
    where: { projectId: row.projectId, problemId: row.problemId, modelVersionId: row.modelVersionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const staleness = await findStaleness(row.projectId, [row]);
  return toSignoffResource(row, staleness.get(row.id)!, newest?.id !== row.id);
}
