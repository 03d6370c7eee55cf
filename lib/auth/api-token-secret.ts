import { createHash, randomBytes } from "node:crypto";

// API token secrets: "rt_" + 32 random bytes (base64url). Only the SHA-256 is
// stored; a fast hash is right here because the secret has 256 bits of entropy.
export const TOKEN_PREFIX = "rt_";

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What may be shown of a token after creation: "rt_AbCdEf…". */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, TOKEN_PREFIX.length + 6)}…`;
}
