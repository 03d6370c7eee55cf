import "server-only";
import { prisma } from "@/lib/db/prisma";

export async function listUsers() {
  const users = await prisma().user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return users.map(({ id, name, email, role, disabledAt, createdAt }) => ({ id, name, email, role, disabledAt, createdAt }));
}

export async function listOpenInvites() {
  return prisma().invite.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}
