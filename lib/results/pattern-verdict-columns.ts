import type { MatrixCell, PatternVersionMatrix } from "./pattern-version-matrix";

type Version = { id: string; name: string; version: string; status: string };

/** One verdict column of a problem's pattern list: a model version and each pattern's cell on it. */
export type PatternVerdictColumn = { role: "production" | "latest" | "production and latest"; modelVersion: Version; cells: Map<string, MatrixCell> };

/**
 * The verdict columns testers read beside each pattern: the production
 * version's and the newest version's (one column when they are the same
 * version; none when there is no version yet). Taken from the problem's
 * pattern × version matrix, so the page reads the results once.
 */
export function patternVerdictColumns<V extends Version>(matrix: PatternVersionMatrix<V>): PatternVerdictColumn[] {
  const { modelVersions, rows } = matrix;
  const column = (index: number, role: PatternVerdictColumn["role"]): PatternVerdictColumn => ({
    role,
    modelVersion: modelVersions[index]!,
    cells: new Map(rows.map((row) => [row.pattern.id, row.cells[index]!])),
  });
  const latest = modelVersions.length - 1;
  if (latest < 0) return [];
  const production = modelVersions.findIndex((v) => v.status === "production");
  if (production === -1) return [column(latest, "latest")];
  if (production === latest) return [column(latest, "production and latest")];
  return [column(production, "production"), column(latest, "latest")];
}
