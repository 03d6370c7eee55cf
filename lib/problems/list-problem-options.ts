import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The project's problems for a picker: open and monitoring first, then by key number. */
export async function listProblemOptions(projectId: string): Promise<{ id: string; key: string; title: string }[]> {
  const rows = await prisma().problem.findMany({ where: { projectId }, orderBy: { number: "asc" }, select: { id: true, key: true, title: true, status: true } });
  const active = (s: string) => (s === "open" || s === "monitoring" ? 0 : 1);
  return rows.sort((a, b) => active(a.status) - active(b.status)).map(({ id, key, title }) => ({ id, key, title }));
}
