import "server-only";
import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";
import { pageArgs, paginationQuerySchema, toPage } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { findStaleness } from "./find-staleness";
import { signoffRecordSelect, toSignoffResource, type SignoffResource } from "./signoff-resource";

export const listSignoffsQuerySchema = paginationQuerySchema.extend({ modelVersionId: idSchema.optional() });
export type ListSignoffsQuery = z.infer<typeof listSignoffsQuerySchema>;

/** A problem's sign-offs (optionally for one model version), newest first, each saying whether it is superseded and stale. */
export async function listSignoffResources(problemId: string, query: ListSignoffsQuery): Promise<{ items: SignoffResource[]; nextCursor: string | null }> {
  const problem = await prisma().problem.findUnique({ where: { id: problemId }, select: { id: true, projectId: true } });
  if (!problem) throw new NotFoundError("Problem");
  const where = { projectId: problem.projectId, problemId, ...(query.modelVersionId ? { modelVersionId: query.modelVersionId } : {}) };
  const rows = await prisma().signOff.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: signoffRecordSelect, ...pageArgs(query) });
  const page = toPage(rows, query.limit);
  const newest = await prisma().signOff.findMany({
    where: { ...where, modelVersionId: { in: [...new Set(page.items.map((row) => row.modelVersionId))] } },
    orderBy: [{ modelVersionId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    distinct: ["modelVersionId"],
    select: { id: true },
  });
  const current = new Set(newest.map((row) => row.id));
  const staleness = await findStaleness(problem.projectId, page.items);
  return {
    items: page.items.map((row) => toSignoffResource(row, staleness.get(row.id)!, !current.has(row.id))),
    nextCursor: page.nextCursor,
  };
}
