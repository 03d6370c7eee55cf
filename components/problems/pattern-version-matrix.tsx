import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { PatternVersionMatrix } from "@/lib/results/pattern-version-matrix";
import { MatrixGrid, type MatrixGridCell } from "./matrix-grid";
import { MATRIX_STATUS_STYLE, UNSTABLE_GLYPH } from "./matrix-status-style";

type MatrixModelVersion = { id: string; name: string; version: string };

/** The matrix with its legend and, when some model is not deterministic, a note saying so. */
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
      <MatrixGrid
        base={base}
        problemKey={problemKey}
        versions={matrix.modelVersions.map((v) => ({ id: v.id, label: modelVersionLabel(v), version: v.version }))}
        rows={matrix.rows.map((row) => ({
          id: row.pattern.id,
          name: row.pattern.name,
          unstable: row.unstable,
          cells: row.cells.map((c): MatrixGridCell => [c.status, c.resultId, c.unstable ? 1 : 0, c.output, c.errorReason]),
        }))}
      />
    </div>
  );
}
