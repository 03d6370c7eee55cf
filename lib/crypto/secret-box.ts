import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { requireSecret } from "@/lib/env";

// Connector secrets at rest (ModelVersion.connectorSecrets): AES-256-GCM over the
// JSON object, key derived from RATCHET_SECRET with HKDF-SHA256 and a fresh salt
// per box. Layout of version 1:
//   [0] version = 1 | [1..16] HKDF salt | [17..28] GCM IV | [29..44] GCM tag | [45..] ciphertext

const VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + SALT_BYTES + IV_BYTES + TAG_BYTES;
const INFO = "ratchet connector secrets";

export type Secrets = Record<string, string>;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

function deriveKey(masterSecret: string, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret, salt, INFO, 32));
}

/** Encrypts a secrets object; `masterSecret` defaults to RATCHET_SECRET. */
export function sealSecrets(secrets: Secrets, masterSecret: string = requireSecret()): Uint8Array<ArrayBuffer> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(masterSecret, salt), iv);
  cipher.setAAD(Buffer.from([VERSION]));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  const box = new Uint8Array(new ArrayBuffer(HEADER_BYTES + ciphertext.length));
  box[0] = VERSION;
  box.set(salt, 1);
  box.set(iv, 1 + SALT_BYTES);
  box.set(cipher.getAuthTag(), 1 + SALT_BYTES + IV_BYTES);
  box.set(ciphertext, HEADER_BYTES);
  return box;
}

/** Decrypts a box made by sealSecrets; throws SecretBoxError when it was altered or sealed with another key. */
export function openSecrets(box: Uint8Array, masterSecret: string = requireSecret()): Secrets {
  if (box.length < HEADER_BYTES || box[0] !== VERSION) throw new SecretBoxError("unknown secret box format");
  const salt = box.subarray(1, 1 + SALT_BYTES);
  const iv = box.subarray(1 + SALT_BYTES, 1 + SALT_BYTES + IV_BYTES);
  const tag = box.subarray(1 + SALT_BYTES + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", deriveKey(masterSecret, salt), iv);
  decipher.setAAD(Buffer.from([VERSION]));
  decipher.setAuthTag(tag);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(box.subarray(HEADER_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("connector secrets cannot be decrypted (altered, or RATCHET_SECRET changed)");
  }
  const parsed: unknown = JSON.parse(plaintext);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw new SecretBoxError("connector secrets are not an object of strings");
  }
  return parsed as Secrets;
}
