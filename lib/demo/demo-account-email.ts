import type { Role } from "@/lib/db/generated/enums";

/** The demo account of a role (demo databases only). */
export function demoAccountEmail(role: Role): string {
  return `${role}@demo.ratchet.local`;
}
