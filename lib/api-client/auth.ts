import type { z } from "zod";
import type { Role } from "@/lib/db/generated/enums";
import type { acceptInviteSchema, newAccountSchema } from "@/lib/users/user.schema";
import { apiFetch } from "./api-fetch";

// Account creation goes through Ratchet's own routes; signing in and out and
// changing a password go to better-auth's endpoints (/api/auth/*), whose
// bodies are better-auth's contract, not a schema of ours.

export type NewAccountBody = z.input<typeof newAccountSchema>;
export type AcceptInviteBody = z.input<typeof acceptInviteSchema>;
type CreatedAccount = { id: string; email: string; role: Role };

/** The first account of an instance: it becomes the admin and is signed in. */
export function setUpFirstAdmin(body: NewAccountBody): Promise<CreatedAccount> {
  return apiFetch("/api/setup", { method: "POST", body });
}

/** Creates the invited account (the invite fixes email and role) and signs it in. */
export function acceptInvite(body: AcceptInviteBody): Promise<CreatedAccount> {
  return apiFetch("/api/invites/accept", { method: "POST", body });
}

export async function signIn(body: { email: string; password: string }): Promise<void> {
  await apiFetch("/api/auth/sign-in/email", { method: "POST", body });
}

export async function signOut(): Promise<void> {
  await apiFetch("/api/auth/sign-out", { method: "POST", body: {} });
}

/** Other sessions of the account are signed out when `revokeOtherSessions` is set. */
export async function changePassword(body: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }): Promise<void> {
  await apiFetch("/api/auth/change-password", { method: "POST", body });
}
