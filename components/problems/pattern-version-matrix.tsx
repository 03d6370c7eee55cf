import Link from "next/link";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { MatrixCell, MatrixCellStatus, PatternVersionMatrix } from "@/lib/results/pattern-version-matrix";
import { MatrixCellInspector } from "./matrix-cell-inspector";

type MatrixModelVersion = { id: string; name: string; version: string };

// Okabe–Ito hues (safe for common colour-vision deficiencies) and a glyph per
// status, so the matrix reads without colour too (and in print).
export const MATRIX_STATUS_STYLE: Record<MatrixCellStatus, { glyph: string; word: string; className: string }> = {
  pass: { glyph: "✓", word: "pass", className: "bg-[#009E73] text-white" },
  fail: { glyph: "✗", word: "fail", className: "bg-[#D55E00] text-white" },
  error: { glyph: "!", word: "error", className: "bg-[#E69F00] text-black" },
  ungraded: { glyph: "?", word: "awaiting grade", className: "bg-[#CC79A7] text-black" },
  none: { glyph: "·", word: "no result", className: "bg-white text-slate-400" },
};

const UNSTABLE_GLYPH = "↯";

function describeCell(patternName: string, versionLabel: string, cell: MatrixCell): string {
  const parts = [`${patternName} on ${versionLabel}: ${MATRIX_STATUS_STYLE[cell.status].word}`];
  if (cell.unstable) parts.push("unstable: replays of this version disagreed");
  if (cell.errorReason) parts.push(`error: ${cell.errorReason}`);
  if (cell.output !== null) parts.push(`output: ${cell.output}`);
  return parts.join(" · ");
}

/**
 * Patterns × model versions, one glyph per result. The header row and the
 * pattern column stay in view while the matrix scrolls both ways; a cell with a
 * result links to it (input, expected and output side by side).
 */
export function PatternVersionMatrixTable({
  projectSlug,
  problemKey,
  matrix,
}: {
  projectSlug: string;
  problemKey: string;
  matrix: PatternVersionMatrix<MatrixModelVersion>;
}) {
  const base = `/projects/${projectSlug}`;
  const unstableCount = matrix.rows.filter((r) => r.unstable).length;
  return (
    <div>
      <ul aria-label="Legend" className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {Object.entries(MATRIX_STATUS_STYLE).map(([status, style]) => (
          <li key={status} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded-sm font-bold ring-1 ring-inset ring-slate-200 ${style.className}`}>
              {style.glyph}
            </span>
            {style.word}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="font-bold text-violet-800">
            {UNSTABLE_GLYPH}
          </span>
          unstable (replays of one version disagreed)
        </li>
      </ul>
      {unstableCount > 0 ? (
        <p role="note" className="mb-3 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900">
          {unstableCount} pattern{unstableCount === 1 ? "" : "s"} changed verdict between two replays of the same model version:
          the model is not deterministic on {unstableCount === 1 ? "it" : "them"}, so single results may mislead.
        </p>
      ) : null}
      <MatrixCellInspector hint="Hover or focus a cell to see its output; open it to compare input, expected and output.">
        <div className="relative max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white" data-testid="pattern-version-matrix-scroll">
          <table aria-label={`Verdict per pattern and model version of ${problemKey}`} className="border-separate border-spacing-0 text-sm">
            <caption className="sr-only">
              One row per current pattern, one column per model version in registration order; each cell is pass, fail, error,
              awaiting grade or no result.
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="sticky top-0 left-0 z-30 border-r border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
                >
                  Pattern
                </th>
                {matrix.modelVersions.map((v) => (
                  <th
                    key={v.id}
                    scope="col"
                    title={modelVersionLabel(v)}
                    className="sticky top-0 z-20 h-24 min-w-8 border-b border-slate-200 bg-slate-50 px-0.5 pb-1 align-bottom font-medium"
                  >
                    <Link
                      href={`${base}/models/${v.id}`}
                      aria-label={modelVersionLabel(v)}
                      className="mx-auto block max-h-24 overflow-hidden text-xs whitespace-nowrap text-slate-700 [writing-mode:vertical-rl] rotate-180 hover:underline"
                    >
                      {v.version}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.pattern.id} data-testid={`matrix-row-${row.pattern.name}`} data-unstable={row.unstable || undefined}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 max-w-[11rem] border-r border-b border-slate-100 bg-white px-3 py-1 text-left font-normal sm:max-w-[18rem]"
                  >
                    <span className="flex items-center gap-1.5">
                      <Link href={`${base}/patterns/${row.pattern.id}`} className="truncate text-blue-700 hover:underline" title={row.pattern.name}>
                        {row.pattern.name}
                      </Link>
                      {row.unstable ? (
                        <span className="shrink-0 rounded-full bg-violet-50 px-1.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200 ring-inset">
                          <span aria-hidden="true">{UNSTABLE_GLYPH} </span>unstable
                        </span>
                      ) : null}
                    </span>
                  </th>
                  {row.cells.map((cell, i) => {
                    const v = matrix.modelVersions[i]!;
                    const style = MATRIX_STATUS_STYLE[cell.status];
                    const label = describeCell(row.pattern.name, modelVersionLabel(v), cell);
                    const box = `relative flex h-7 w-7 items-center justify-center rounded-sm font-bold ${style.className}`;
                    const content = (
                      <>
                        <span aria-hidden="true">{style.glyph}</span>
                        {cell.unstable ? (
                          <span aria-hidden="true" className="absolute -top-1 -right-1 rounded-full bg-white px-0.5 text-[10px] leading-none text-violet-800 ring-1 ring-violet-300">
                            {UNSTABLE_GLYPH}
                          </span>
                        ) : null}
                      </>
                    );
                    return (
                      <td key={v.id} className="border-b border-slate-100 px-0.5 py-0.5" data-status={cell.status}>
                        {cell.resultId ? (
                          <Link
                            href={`${base}/results/${cell.resultId}`}
                            data-matrix-cell
                            aria-label={label}
                            title={label}
                            className={`${box} mx-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-1 hover:ring-2 hover:ring-slate-500`}
                          >
                            {content}
                          </Link>
                        ) : (
                          <span data-matrix-cell role="img" aria-label={label} title={label} className={`${box} mx-auto`}>
                            {content}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </MatrixCellInspector>
    </div>
  );
}
