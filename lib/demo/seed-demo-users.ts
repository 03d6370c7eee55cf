import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { createAccount } from "@/lib/users/create-account";
import { demoAccountEmail } from "./demo-account-email";

export type DemoCredential = { role: Role; email: string; password: string };

const ROLES: Role[] = ["admin", "engineer", "tester", "stakeholder"];
const FILE = "demo-credentials.json";

/**
 * One demo user per role, only ever on a demo database. Passwords are random
 * (or RATCHET_DEMO_PASSWORD, for tests) and kept beside the embedded data
 * (mode 0600) so each start can print them.
 */
export async function seedDemoUsers(db: PrismaClient, dataDir: string, fixedPassword?: string): Promise<DemoCredential[]> {
  const credentials = ROLES.map((role) => ({
    role,
    email: demoAccountEmail(role),
    password: fixedPassword ?? `demo-${randomBytes(9).toString("base64url")}`,
  }));
  // Four scrypt hashes: on a busy machine they outlast Prisma's default 5 s transaction timeout.
  await db.$transaction(
    async (tx) => {
      for (const c of credentials) await createAccount(tx, { name: `Demo ${c.role}`, email: c.email, password: c.password }, c.role);
    },
    { timeout: 60_000 },
  );
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE);
  await writeFile(file, JSON.stringify(credentials, null, 2));
  await chmod(file, 0o600);
  return credentials;
}

export async function readDemoCredentials(dataDir: string): Promise<DemoCredential[] | null> {
  return readFile(path.join(dataDir, FILE), "utf8").then(
    (text) => JSON.parse(text) as DemoCredential[],
    () => null,
  );
}
