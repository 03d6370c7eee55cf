import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const roleSchema = z.enum(["admin", "engineer", "tester", "stakeholder"]);
export const emailSchema = z.string().trim().toLowerCase().email("must be an email address").max(254);
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, "must be at most 256 characters");
export const nameSchema = z.string().trim().min(1, "is required").max(120);

export const newAccountSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type NewAccount = z.infer<typeof newAccountSchema>;

/** POST /api/invites/accept: the invite's secret plus the new account's name and password (the invite fixes the email). */
export const acceptInviteSchema = z.object({ token: z.string().min(10).max(200), name: nameSchema, password: passwordSchema });
