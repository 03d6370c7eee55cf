"use client";

import { MATRIX_STATUS_STYLE, UNSTABLE_GLYPH } from "./matrix-status-style";
import { MatrixCellInspector } from "./matrix-cell-inspector";
import type { MatrixCellStatus } from "@/lib/results/pattern-version-matrix";

/**
 * One cell as a tuple: [status, result id, unstable, output, error reason]. A
 * 15 × 100 matrix has 1,500 cells; sent as data (about 50 bytes each) rather than
 * as a rendered server tree (about 600 bytes each in the page's React payload),
 * the problem page stays light. The HTML is still rendered on the server.
 */
export type MatrixGridCell = [MatrixCellStatus, string | null, 0 | 1, string | null, string | null];
export type MatrixGridRow = { id: string; name: string; unstable: boolean; cells: MatrixGridCell[] };
export type MatrixGridVersion = { id: string; label: string; version: string };

/** Outputs can be long; the cell's description keeps their start (the result page has all of it). */
const LABEL_OUTPUT_CHARS = 80;
const clip = (text: string) => (text.length > LABEL_OUTPUT_CHARS ? `${text.slice(0, LABEL_OUTPUT_CHARS)}…` : text);

function describeCell(patternName: string, versionLabel: string, [status, , unstable, output, errorReason]: MatrixGridCell): string {
  const parts = [`${patternName} on ${versionLabel}: ${MATRIX_STATUS_STYLE[status].word}`];
  if (unstable) parts.push("unstable: replays of this version disagreed");
  if (errorReason) parts.push(`error: ${clip(errorReason)}`);
  if (output !== null) parts.push(`output: ${clip(output)}`);
  return parts.join(" · ");
}

/**
 * Patterns × model versions, one glyph per result. The header row and the
 * pattern column stay in view while the matrix scrolls both ways; a cell with a
 * result links to it (input, expected and output side by side).
 */
export function MatrixGrid({
  base,
  problemKey,
  versions,
  rows,
}: {
  base: string;
  problemKey: string;
  versions: MatrixGridVersion[];
  rows: MatrixGridRow[];
}) {
  return (
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
              {versions.map((v) => (
                <th
                  key={v.id}
                  scope="col"
                  title={v.label}
                  className="sticky top-0 z-20 h-24 min-w-8 border-b border-slate-200 bg-slate-50 px-0.5 pb-1 align-bottom font-medium"
                >
                  <a
                    href={`${base}/models/${v.id}`}
                    aria-label={v.label}
                    className="mx-auto block max-h-24 overflow-hidden text-xs whitespace-nowrap text-slate-700 [writing-mode:vertical-rl] rotate-180 hover:underline"
                  >
                    {v.version}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`matrix-row-${row.name}`} data-unstable={row.unstable || undefined}>
                <th scope="row" className="matrix-th">
                  <span className="flex items-center gap-1.5">
                    <a href={`${base}/patterns/${row.id}`} className="truncate text-blue-700 hover:underline" title={row.name}>
                      {row.name}
                    </a>
                    {row.unstable ? (
                      <span className="shrink-0 rounded-full bg-violet-50 px-1.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200 ring-inset">
                        <span aria-hidden="true">{UNSTABLE_GLYPH} </span>unstable
                      </span>
                    ) : null}
                  </span>
                </th>
                {row.cells.map((cell, i) => {
                  const v = versions[i]!;
                  const [status, resultId, unstable] = cell;
                  const label = describeCell(row.name, v.label, cell);
                  const box = `matrix-cell ${MATRIX_STATUS_STYLE[status].className}`;
                  const content = (
                    <>
                      <span aria-hidden="true">{MATRIX_STATUS_STYLE[status].glyph}</span>
                      {unstable ? (
                        <span aria-hidden="true" className="matrix-unstable">
                          {UNSTABLE_GLYPH}
                        </span>
                      ) : null}
                    </>
                  );
                  // No title: the inspector below shows the description on hover and focus.
                  return (
                    <td key={v.id} className="matrix-td" data-status={status}>
                      {resultId ? (
                        <a href={`${base}/results/${resultId}`} data-matrix-cell aria-label={label} className={box}>
                          {content}
                        </a>
                      ) : (
                        <span data-matrix-cell role="img" aria-label={label} className={box}>
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
  );
}
