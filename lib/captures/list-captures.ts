import "server-only";
import { pageArgs, toPage } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import type { CaptureResource, ListCapturesQuery } from "./capture.schema";
import { toCaptureResource } from "./capture-resource";

/** The project's captures with one status (the inbox by default), newest first. */
export async function listCaptures(projectId: string, query: ListCapturesQuery): Promise<{ items: CaptureResource[]; nextCursor: string | null }> {
  const rows = await prisma().capture.findMany({
    where: { projectId, status: query.status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { items: items.map(toCaptureResource), nextCursor };
}
