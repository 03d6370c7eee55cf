import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps a caller's id of 1–128 characters of [A-Za-z0-9._-]", () => {
    expect(requestIdFrom("abc-123_DEF.4")).toBe("abc-123_DEF.4");
    expect(requestIdFrom("a")).toBe("a");
    expect(requestIdFrom("x".repeat(128))).toBe("x".repeat(128));
    expect(requestIdFrom(["first-id", "second-id"])).toBe("first-id");
  });

  it("makes a new UUID for a missing, empty, too long or unsafe id", () => {
    for (const bad of [undefined, null, "", "x".repeat(129), "has space", "new\nline", "a/b", "<script>", "ünïcode", "id;drop", []]) {
      expect(requestIdFrom(bad as string | undefined)).toMatch(UUID);
    }
  });

  it("makes a different id each time", () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
