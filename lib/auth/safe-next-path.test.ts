import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const base = "http://127.0.0.1:3000";

describe("safeNextPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeNextPath("/projects/demo?tab=matrix#p1", base)).toBe("/projects/demo?tab=matrix#p1");
    expect(safeNextPath("/", base)).toBe("/");
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["backslash after the slash (the reported bypass, decoded)", "/\\127.0.0.1:18090/x"],
    ["two backslashes", "/\\\\evil.example"],
    ["a tab the parser drops", "/\t/evil.example"],
    ["a newline the parser drops", "/\n/evil.example"],
    ["absolute URL", "http://evil.example/"],
    ["same host, other port", "http://127.0.0.1:18090/"],
    ["javascript: URL", "javascript:alert(1)"],
    ["relative path", "projects"],
    ["dot segments that collapse to //", "/.//evil.example/x"],
    ["encoded dot segments", "/%2e//evil.example"],
  ])("refuses %s", (_name, next) => {
    const path = safeNextPath(next, base);
    expect(path).toBe("/");
    // Whatever comes back stays on this origin when a browser follows it.
    expect(new URL(path, base).origin).toBe(base);
  });

  it("falls back to / without a next", () => {
    expect(safeNextPath(undefined, base)).toBe("/");
    expect(safeNextPath("", base)).toBe("/");
    expect(safeNextPath(["/a", "/b"], base)).toBe("/");
  });
});
