import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { PatternResource } from "@/lib/patterns/pattern-resource";
import { previewInput } from "@/lib/patterns/preview-input";
import { coverageHintLabel, coverageHints } from "@/lib/problems/coverage-hints";
import type { PatternVerdictColumn } from "@/lib/results/pattern-verdict-columns";
import { verdictColumnLabel } from "./pattern-verdict";
import { PatternTableRows } from "./pattern-table-rows";

type Props = {
  problem: { id: string; key: string };
  project: { id: string; slug: string };
  /** The problem's patterns, archived ones included (they are listed apart). */
  patterns: PatternResource[];
  /** The production version's and the newest version's verdicts (current patterns only). */
  verdictColumns: PatternVerdictColumn[];
  canWrite: boolean;
};

const linkButton =
  "inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2";

/** The problem page's pattern list: what each pattern feeds the model and expects, coverage hints, and (for testers and up) add and import. */
export function ProblemPatternsSection({ problem, project, patterns, verdictColumns, canWrite }: Props) {
  const current = patterns.filter((p) => !p.archivedAt);
  const archived = patterns.filter((p) => p.archivedAt);
  const counts = {
    total: current.length,
    control: current.filter((p) => p.purpose === "control").length,
    production: current.filter((p) => p.origin === "production").length,
  };
  const hints = coverageHints(counts);
  const base = `/projects/${project.slug}`;

  return (
    <Card
      title={`Patterns (${current.length})`}
      description={`${counts.control} control · ${counts.production} from production`}
      actions={
        <div className="flex flex-wrap gap-2">
          {canWrite ? (
            <>
              <Link href={`${base}/patterns/new?problem=${encodeURIComponent(problem.key)}`} className={`${linkButton} bg-blue-700 text-white hover:bg-blue-800`}>
                Add pattern
              </Link>
              <Link href={`${base}/patterns/import?problem=${encodeURIComponent(problem.key)}`} className={`${linkButton} bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50`}>
                Import
              </Link>
            </>
          ) : null}
          <a href={`/api/v1/projects/${project.id}/patterns/export`} className={`${linkButton} bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50`} download>
            Export
          </a>
        </div>
      }
    >
      {hints.length > 0 ? (
        <div role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span className="font-medium">Coverage:</span> {hints.map((hint) => coverageHintLabel[hint]).join(" · ")}. A problem is well covered by 10–15 patterns, cases and controls, some of them seen in production.
        </div>
      ) : null}

      {current.length === 0 ? (
        <EmptyState title="No patterns yet">{canWrite ? "Add 10–15 examples of this problem, or import them from a CSV or JSONL file." : "Testers add the examples of this problem here."}</EmptyState>
      ) : (
        <PatternList patterns={current} base={base} label={`Patterns of ${problem.key}`} verdictColumns={verdictColumns} />
      )}

      {archived.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">Show archived patterns ({archived.length})</summary>
          <div className="mt-3">
            <PatternList patterns={archived} base={base} label={`Archived patterns of ${problem.key}`} verdictColumns={[]} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function PatternList({ patterns, base, label, verdictColumns }: { patterns: PatternResource[]; base: string; label: string; verdictColumns: PatternVerdictColumn[] }) {
  return (
    <Table aria-label={label} className="cards-md">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Pattern</TableHeaderCell>
          <TableHeaderCell>Input</TableHeaderCell>
          <TableHeaderCell>Expected</TableHeaderCell>
          <TableHeaderCell>Purpose</TableHeaderCell>
          <TableHeaderCell>Origin</TableHeaderCell>
          <TableHeaderCell className="text-right">Rev</TableHeaderCell>
          {verdictColumns.map((column) => (
            <TableHeaderCell key={column.modelVersion.id} className="normal-case tracking-normal">
              {verdictColumnLabel(column)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <PatternTableRows
          base={base}
          columnLabels={verdictColumns.map(verdictColumnLabel)}
          rows={patterns.map((p) => ({
            id: p.id,
            name: p.name,
            attachmentId: p.inputKind === "image" ? p.attachmentId : null,
            preview: p.inputKind === "image" && p.attachmentId ? "" : previewInput(p.inputKind, p.input),
            expected: describeExpectation(p.expectation),
            purpose: p.purpose,
            origin: p.origin,
            revision: p.revision,
            verdicts: verdictColumns.map((column) => {
              const cell = column.cells.get(p.id);
              return cell ? { status: cell.status, resultId: cell.resultId } : undefined;
            }),
          }))}
        />
      </TableBody>
    </Table>
  );
}
