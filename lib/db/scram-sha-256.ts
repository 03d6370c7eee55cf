import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

// The server side of SCRAM-SHA-256 (RFC 5802/7677), as PostgreSQL speaks it:
// the client never sends the password, only a proof that it knows it.

const ITERATIONS = 4096;

export type ScramStep = { reply: string; done: boolean } | { error: string };
export type ScramVerifier = { next(message: Buffer): ScramStep };

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

/** One authentication exchange against `password`: feed it each password message body, send back each reply. */
export function createScramVerifier(password: string): ScramVerifier {
  let state: { clientFirstBare: string; serverFirst: string; nonce: string; salted: Buffer } | undefined;
  return {
    next(message) {
      if (!state) {
        // SASLInitialResponse: mechanism\0, int32 length, client-first-message "n,,n=user,r=nonce"
        const zero = message.indexOf(0);
        if (zero < 0 || message.subarray(0, zero).toString() !== "SCRAM-SHA-256") return { error: "unsupported mechanism" };
        const clientFirst = message.subarray(zero + 5).toString();
        if (!clientFirst.startsWith("n,,")) return { error: "channel binding is not supported" };
        const clientFirstBare = clientFirst.slice(3);
        const clientNonce = /(?:^|,)r=([^,]+)/.exec(clientFirstBare)?.[1];
        if (!clientNonce) return { error: "malformed client-first-message" };
        const salt = randomBytes(16);
        const nonce = clientNonce + randomBytes(18).toString("base64");
        const serverFirst = `r=${nonce},s=${salt.toString("base64")},i=${ITERATIONS}`;
        state = { clientFirstBare, serverFirst, nonce, salted: pbkdf2Sync(password.normalize("NFKC"), salt, ITERATIONS, 32, "sha256") };
        return { reply: serverFirst, done: false };
      }
      // SASLResponse: client-final-message "c=biws,r=nonce,p=proof"
      const clientFinal = message.toString();
      const proofAt = clientFinal.lastIndexOf(",p=");
      if (proofAt < 0) return { error: "malformed client-final-message" };
      const withoutProof = clientFinal.slice(0, proofAt);
      if (/(?:^|,)r=([^,]+)/.exec(withoutProof)?.[1] !== state.nonce) return { error: "nonce mismatch" };
      const proof = Buffer.from(clientFinal.slice(proofAt + 3), "base64");
      const authMessage = `${state.clientFirstBare},${state.serverFirst},${withoutProof}`;
      const storedKey = sha256(hmac(state.salted, "Client Key"));
      const signature = hmac(storedKey, authMessage);
      if (proof.length !== signature.length) return { error: "wrong password" };
      const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
      if (!timingSafeEqual(sha256(clientKey), storedKey)) return { error: "wrong password" };
      return { reply: `v=${hmac(hmac(state.salted, "Server Key"), authMessage).toString("base64")}`, done: true };
    },
  };
}
