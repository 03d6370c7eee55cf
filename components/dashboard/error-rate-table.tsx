import Link from "next/link";
import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { PRODUCTION_GLYPH } from "@/components/charts/production-glyph";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ModelStatus, Severity } from "@/lib/db/generated/enums";
import type { ErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { ErrorRateTableRows } from "./error-rate-table-rows";

type TableProblem = { id: string; key: string; title: string; severity: Severity; target: number };
type TableModelVersion = { id: string; name: string; version: string; status: ModelStatus };

type ErrorRateTableProps = {
  projectSlug: string;
  matrix: ErrorRateMatrix<TableProblem, TableModelVersion>;
  /** signoffs[row][column]: the current sign-off shown in the cell. */
  signoffs?: ErrorRateChartSignoff[][];
};

/** The dashboard's numbers as a table: problems × model versions. */
export function ErrorRateTable({ projectSlug, matrix, signoffs }: ErrorRateTableProps) {
  return (
    <Table aria-label="Error rate per problem and model version">
      <caption className="sr-only">
        Error rate per problem and model version, with the number of graded patterns (n). Cells above the
        problem&apos;s target are marked.
      </caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell className="sticky left-0 z-10 bg-slate-50 shadow-[1px_0_0_#e2e8f0]">Problem</TableHeaderCell>
          <TableHeaderCell className="text-right">Target</TableHeaderCell>
          {matrix.modelVersions.map((v) => (
            <TableHeaderCell key={v.id} className="text-right normal-case tracking-normal">
              <Link href={`/projects/${projectSlug}/models/${v.id}`} className="hover:underline">
                {v.name} <span className="font-normal text-slate-600">{v.version}</span>
              </Link>
              {v.status === "production" ? (
                <span className="mt-1 block" data-testid="production-column">
                  <Badge tone="green">
                    <span aria-hidden="true">{PRODUCTION_GLYPH}&nbsp;</span>production
                  </Badge>
                </span>
              ) : null}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <ErrorRateTableRows
          projectSlug={projectSlug}
          versions={matrix.modelVersions.map((v) => ({ id: v.id, name: v.name, version: v.version }))}
          rows={matrix.rows.map(({ problem, cells }) => ({
            problem: { id: problem.id, key: problem.key, title: problem.title, severity: problem.severity, target: problem.target },
            cells,
          }))}
          signoffs={signoffs}
        />
      </TableBody>
    </Table>
  );
}
