import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors/domain-errors";
import { decodeImportText } from "./decode-import-text";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("decodeImportText", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeImportText(bytes([0xef, 0xbb, 0xbf], "problem,name\nSENT-1,¡Qué malo!"))).toBe("problem,name\nSENT-1,¡Qué malo!");
    expect(decodeImportText(bytes("a,b"))).toBe("a,b");
  });

  it("refuses invalid UTF-8 naming the line", () => {
    // "é" in Latin-1 is the lone byte 0xE9.
    const latin1 = bytes("problem,name\nSENT-1,caf", [0xe9], "\n");
    expect(() => decodeImportText(latin1)).toThrow(ValidationError);
    expect(() => decodeImportText(latin1)).toThrow(/not valid UTF-8 \(first bad byte at line 2/);
  });

  it("refuses UTF-16 with a hint", () => {
    expect(() => decodeImportText(bytes([0xff, 0xfe], [0x61, 0x00]))).toThrow(/UTF-16/);
  });
});
