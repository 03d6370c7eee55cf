import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";
import { nowTestSelect, type NowTestResource } from "./now-test-resource";

/** A model version's now-tests with their findings, newest first. */
export async function listNowTestResources(modelVersionId: string, page: PaginationQuery): Promise<{ items: NowTestResource[]; nextCursor: string | null }> {
  const modelVersion = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: { projectId: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const rows = await prisma().nowTest.findMany({
    where: { projectId: modelVersion.projectId, modelVersionId },
    select: nowTestSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(page),
  });
  return toPage(rows, page.limit);
}

export async function getNowTestResource(projectId: string, id: string): Promise<NowTestResource> {
  const row = await prisma().nowTest.findFirst({ where: { id, projectId }, select: nowTestSelect });
  if (!row) throw new NotFoundError("Now-test");
  return row;
}
