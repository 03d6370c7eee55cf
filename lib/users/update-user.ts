import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { roleSchema } from "./user.schema";

export const updateUserSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "send role and/or disabled" });
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** Changes a user's role or disables them; the last active admin can be neither demoted nor disabled. */
export async function updateUser(actor: Actor, userId: string, input: UpdateUser) {
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727274002)`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError("User");
    const losesAdmin = user.role === "admin" && !user.disabledAt && ((input.role && input.role !== "admin") || input.disabled === true);
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
      throw new ConflictError("This is the last active admin: make someone else admin first.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? (user.disabledAt ?? new Date()) : null }),
      },
    });
    if (input.disabled) await tx.session.deleteMany({ where: { userId } });
    if (input.role && input.role !== user.role) {
      await recordAuditEvent(actor, { action: "user.role_change", entityType: "user", entityId: userId, data: { from: user.role, to: input.role } }, tx);
    }
    if (input.disabled !== undefined && input.disabled !== Boolean(user.disabledAt)) {
      await recordAuditEvent(actor, { action: input.disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId }, tx);
    }
    const { id, name, email, role, disabledAt, createdAt } = updated;
    return { id, name, email, role, disabledAt, createdAt };
  });
}
