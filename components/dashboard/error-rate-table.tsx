import Link from "next/link";
import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { PRODUCTION_GLYPH } from "@/components/charts/production-glyph";
import { Badge } from "@/components/ui/badge";
import { ProblemLabel } from "@/components/problems/problem-label";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ModelStatus, Severity } from "@/lib/db/generated/enums";
import type { ErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { formatTarget } from "@/lib/format/format-percent";
import { ErrorRateCell } from "./error-rate-cell";

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
        {matrix.rows.map(({ problem, cells }, row) => (
          <TableRow key={problem.id}>
            <TableHeaderCell scope="row" className="sticky-col">
              <ProblemLabel projectSlug={projectSlug} problem={problem} />
            </TableHeaderCell>
            <TableCell className="num text-slate-700">
              ≤ {formatTarget(problem.target)}
            </TableCell>
            {cells.map((rate, i) => {
              const v = matrix.modelVersions[i];
              return (
                <ErrorRateCell
                  key={v?.id ?? i}
                  rate={rate}
                  target={problem.target}
                  testId={v ? `rate-${problem.key}-${v.name}@${v.version}` : undefined}
                  signoff={signoffs?.[row]?.[i] ?? null}
                />
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
