import type { Prisma } from "@/lib/db/generated/client";
import type { CaptureResource } from "./capture.schema";

type CaptureRow = Prisma.CaptureGetPayload<object>;

export function toCaptureResource(row: CaptureRow): CaptureResource {
  return {
    id: row.id,
    projectId: row.projectId,
    status: row.status,
    input: row.input as CaptureResource["input"],
    output: (row.output ?? null) as CaptureResource["output"],
    metadata: (row.metadata ?? null) as CaptureResource["metadata"],
    rating: row.rating,
    note: row.note,
    patternId: row.patternId,
    createdById: row.createdById,
    triagedById: row.triagedById,
    triagedAt: row.triagedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
