import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** RATCHET_SECRET when given; else one generated once and kept in the data folder (mode 0600). */
export async function ensureSecret(dataDir: string, configured?: string): Promise<string> {
  if (configured) return configured;
  return ensureSecretFile(path.join(dataDir, "secret"));
}

/** The random secret kept in `file` (mode 0600), created on first use: 256 bits, base64url (safe in URLs). */
export async function ensureSecretFile(file: string): Promise<string> {
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}
