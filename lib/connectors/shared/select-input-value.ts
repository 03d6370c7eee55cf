import { readJsonPath } from "./json-path";
import type { ItemResult } from "./item-result";

/**
 * The value a connector sends for one pattern input: the value at `inputPath`,
 * or (no path) the input's field named `preferredField` when the input is an
 * object that has it, else the whole input.
 */
export function selectInputValue(input: unknown, inputPath: string | undefined, preferredField?: string): ItemResult {
  if (inputPath) {
    const read = readJsonPath(input, inputPath);
    return read.found ? { ok: true, output: read.value } : { ok: false, reason: `pattern input has nothing at ${inputPath}` };
  }
  if (preferredField && input !== null && typeof input === "object" && !Array.isArray(input) && Object.hasOwn(input, preferredField)) {
    return { ok: true, output: (input as Record<string, unknown>)[preferredField] };
  }
  return { ok: true, output: input };
}
