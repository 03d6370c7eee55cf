import { describe, expect, it } from "vitest";
import { defaultKeyPrefix } from "./default-key-prefix";

describe("defaultKeyPrefix", () => {
  it("takes initials of several words and the start of one", () => {
    expect(defaultKeyPrefix("Review sentiment classifier")).toBe("RSC");
    expect(defaultKeyPrefix("Sentiment")).toBe("SENT");
    expect(defaultKeyPrefix("dog-breed classifier")).toBe("DBC");
  });

  it("always returns 2–8 capital letters", () => {
    for (const name of ["x", "42", "Ünïcödé näme", "a b c d e f g h i j k", "", "日本語"]) {
      expect(defaultKeyPrefix(name)).toMatch(/^[A-Z]{2,8}$/);
    }
  });
});
