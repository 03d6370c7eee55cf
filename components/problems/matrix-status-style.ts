import type { MatrixCellStatus } from "@/lib/results/pattern-version-matrix";

// A glyph per status, so the matrix reads without colour too (and in print); the
// colours (Okabe–Ito) and the cell box are short classes in app/globals.css.
export const MATRIX_STATUS_STYLE: Record<MatrixCellStatus, { glyph: string; word: string; className: string }> = {
  pass: { glyph: "✓", word: "pass", className: "matrix-pass" },
  fail: { glyph: "✗", word: "fail", className: "matrix-fail" },
  error: { glyph: "!", word: "error", className: "matrix-error" },
  ungraded: { glyph: "?", word: "awaiting grade", className: "matrix-ungraded" },
  none: { glyph: "·", word: "no result", className: "matrix-none" },
};

export const UNSTABLE_GLYPH = "↯";
