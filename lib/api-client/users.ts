import type { z } from "zod";
import type { createInvite as createInviteRow, createInviteSchema } from "@/lib/users/create-invite";
import type { revokeInvite as revokeInviteRow } from "@/lib/users/revoke-invite";
import type { updateUser as updateUserRow, updateUserSchema } from "@/lib/users/update-user";
import { apiFetch, type Jsonified } from "./api-fetch";

export type UpdateUserBody = z.input<typeof updateUserSchema>;
export type CreateInviteBody = z.input<typeof createInviteSchema>;

/** Changes a user's role, or disables / enables the account. */
export function updateUser(userId: string, body: UpdateUserBody): Promise<Jsonified<Awaited<ReturnType<typeof updateUserRow>>>> {
  return apiFetch(`/api/v1/users/${userId}`, { method: "PATCH", body });
}

/** The invite with its link (`url`), returned this once. */
export function createInvite(body: CreateInviteBody): Promise<Jsonified<Awaited<ReturnType<typeof createInviteRow>>>> {
  return apiFetch("/api/v1/invites", { method: "POST", body });
}

export function revokeInvite(inviteId: string): Promise<Jsonified<Awaited<ReturnType<typeof revokeInviteRow>>>> {
  return apiFetch(`/api/v1/invites/${inviteId}`, { method: "DELETE" });
}
