import { describe, expect, it } from "vitest";
import { SecretBoxError, openSecrets, sealSecrets } from "./secret-box";

const KEY = "a-test-master-secret-that-is-long-enough-0123";

describe("secret box", () => {
  it("round-trips a secrets object", () => {
    const secrets = { apiKey: "sk-live-123", "x-token": "ünïcødé ✓" };
    expect(openSecrets(sealSecrets(secrets, KEY), KEY)).toEqual(secrets);
  });

  it("does not contain the plaintext and differs on every seal", () => {
    const a = sealSecrets({ apiKey: "sk-live-123" }, KEY);
    const b = sealSecrets({ apiKey: "sk-live-123" }, KEY);
    expect(Buffer.from(a).toString("latin1")).not.toContain("sk-live-123");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(a[0]).toBe(1);
  });

  it("refuses a tampered box", () => {
    const box = sealSecrets({ apiKey: "sk-live-123" }, KEY);
    for (const index of [5, 20, 35, box.length - 1]) {
      const tampered = Uint8Array.from(box);
      tampered[index]! ^= 0x01;
      expect(() => openSecrets(tampered, KEY)).toThrow(SecretBoxError);
    }
  });

  it("refuses the wrong key", () => {
    const box = sealSecrets({ apiKey: "sk-live-123" }, KEY);
    expect(() => openSecrets(box, `${KEY}-other`)).toThrow(/cannot be decrypted/);
  });

  it("refuses an unknown version or a truncated box", () => {
    const box = sealSecrets({ a: "b" }, KEY);
    const v2 = Uint8Array.from(box);
    v2[0] = 2;
    expect(() => openSecrets(v2, KEY)).toThrow(/unknown secret box format/);
    expect(() => openSecrets(box.subarray(0, 10), KEY)).toThrow(SecretBoxError);
  });
});
