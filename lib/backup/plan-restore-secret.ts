import { readFile } from "node:fs/promises";
import path from "node:path";
import { secretFingerprint, type BackupHeader } from "./backup-format";
import { RestoreRefusedError } from "./restore-backup";

export type RestoreSecretPlan = { secretFileToWrite?: { file: string; value: string }; warning?: string };

/**
 * What a restore does about RATCHET_SECRET, decided before anything is written.
 * Connector secrets in the backup are encrypted with the secret of the instance
 * that made it, and sessions are signed with it. A backup carries only the
 * secret's fingerprint unless made with --include-secret. The restored instance
 * must run with the same secret (RATCHET_SECRET, else RATCHET_DATA_DIR/secret):
 * - the backup includes it: written to RATCHET_DATA_DIR/secret when the target has
 *   none; refused when the target has another one;
 * - it does not: refused when the target's secret is missing or different and model
 *   versions have connector secrets (they could not be decrypted), unless
 *   `ignoreSecret` (then they must be entered again); otherwise only a warning.
 */
export async function planRestoreSecret(header: BackupHeader, target: { configured?: string; dataDir: string; ignoreSecret?: boolean }): Promise<RestoreSecretPlan> {
  const file = path.resolve(target.dataDir, "secret");
  const fromFile = (await readFile(file, "utf8").catch(() => "")).trim();
  const current = target.configured ?? (fromFile.length >= 32 ? fromFile : undefined);
  const wanted = header.secret.fingerprint;
  if (wanted === null || (current && secretFingerprint(current) === wanted)) return {};
  const where = target.configured ? "RATCHET_SECRET" : file;
  if (header.secret.value) {
    if (!current) return { secretFileToWrite: { file, value: header.secret.value } };
    if (!target.ignoreSecret) throw new RestoreRefusedError(`The backup includes its secret, but ${where} holds a different one. Remove ${target.configured ? "RATCHET_SECRET" : "that file"} to take the backup's, or add --ignore-secret to keep yours.`);
  }
  const encrypted = header.secret.encryptedConnectorSecrets;
  const consequence = `${encrypted} model version(s) have connector secrets encrypted with the backup's secret (fingerprint ${wanted})`;
  if (encrypted > 0 && !target.ignoreSecret) {
    throw new RestoreRefusedError(
      `${current ? `${where} is not the secret the backup was made with` : `No secret here (${where} is missing)`}: ${consequence}. Put that secret in ${file} (or RATCHET_SECRET), or add --ignore-secret and enter those secrets again.`,
    );
  }
  return {
    warning: `${current ? `${where} is not the secret the backup was made with` : "no secret yet: npm start will generate one"}; sessions from the old instance end${encrypted ? `, and ${consequence}: enter them again` : ""}.`,
  };
}
