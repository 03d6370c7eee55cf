import "server-only";
import { prisma } from "@/lib/db/prisma";
import { modelVersionRecordSelect, toModelVersionResponse } from "./to-model-version-response";

/** The project's model versions, newest first, in their API shape: what "Start from a registered version" copies. */
export async function listModelVersionTemplates(projectId: string, take = 50) {
  const records = await prisma().modelVersion.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: modelVersionRecordSelect,
    take,
  });
  return records.map(toModelVersionResponse);
}
