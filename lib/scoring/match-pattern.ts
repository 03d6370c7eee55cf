import { RE2JS } from "re2js";

// `matches` expectations run on RE2 (the re2js port): matching time is linear
// in the output's length, so no pattern (e.g. ^(a+)+d$) can stall the web
// process or a worker. Patterns RE2 cannot run (backreferences, lookaround)
// are refused where they are saved, with RE2's reason.

/** The pattern compiled for RE2, or why RE2 cannot run it. */
export function compileMatchPattern(pattern: string): { ok: true; regex: RE2JS } | { ok: false; message: string } {
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    return { ok: false, message: `not a regular expression Ratchet can run (RE2 syntax: no backreferences or lookaround): ${(error as Error).message}` };
  }
}

/** Whether the pattern matches anywhere in the text (like RegExp.test); false for a pattern RE2 cannot run. */
export function matchesPattern(pattern: string, text: string): boolean {
  const compiled = compileMatchPattern(pattern);
  return compiled.ok && compiled.regex.matcher(text).find();
}
