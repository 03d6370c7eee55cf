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
