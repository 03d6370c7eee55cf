import { openSecrets, type Secrets } from "@/lib/crypto/secret-box";

/** The decrypted secrets of a model version ({} when it has none). */
export function readConnectorSecrets(box: Uint8Array | null): Secrets {
  return box && box.length ? openSecrets(box) : {};
}
