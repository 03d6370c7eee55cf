import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Active users, by name: who may own a problem (the owner picker and filter). */
export async function listOwnerOptions(): Promise<{ id: string; name: string }[]> {
  return prisma().user.findMany({ where: { disabledAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
