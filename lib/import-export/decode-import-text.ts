import { ValidationError } from "@/lib/errors/domain-errors";

/**
 * An import file's bytes as text: UTF-8 only, a leading byte-order mark
 * dropped (spreadsheets write one). Anything else is refused naming the
 * encoding problem and where it is, rather than importing mojibake.
 */
export function decodeImportText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ValidationError("The file is UTF-16 encoded; save it as UTF-8 (in Excel: “CSV UTF-8”).", [{ path: "body", message: "UTF-16 is not supported, use UTF-8" }], 400);
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const { line, offset } = firstInvalidUtf8(body);
    throw new ValidationError(
      `The file is not valid UTF-8 (first bad byte at line ${line}, byte ${offset + start}); save it as UTF-8 (in Excel: “CSV UTF-8”).`,
      [{ path: "body", message: `invalid UTF-8 at line ${line}` }],
      400,
    );
  }
}

/** Where the first byte sequence that is not UTF-8 starts (the decoder does not say). */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; offset: number } {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { line, offset: i };
    if (length > 1) {
      const sequence = bytes.subarray(i, i + length);
      try {
        if (sequence.length < length) throw new Error("truncated");
        new TextDecoder("utf-8", { fatal: true }).decode(sequence);
      } catch {
        return { line, offset: i };
      }
    }
    if (b === 0x0a) line++;
    i += length;
  }
  return { line, offset: i };
}
