import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { PatternResource } from "@/lib/patterns/pattern-resource";
import { previewInput } from "@/lib/patterns/preview-input";
import { coverageHintLabel, coverageHints } from "@/lib/problems/coverage-hints";
import type { PatternVerdictColumn } from "@/lib/results/pattern-verdict-columns";
import { PatternVerdict, verdictColumnLabel } from "./pattern-verdict";
import { OriginBadge, PurposeBadge } from "./pattern-badges";

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

function InputPreview({ pattern }: { pattern: PatternResource }) {
  if (pattern.inputKind === "image" && pattern.attachmentId) {
    // Plain <img>: the API serves thumbnails with the session cookie.
    return <img src={`/api/v1/attachments/${pattern.attachmentId}?thumbnail=1`} alt="" data-testid="pattern-thumbnail" loading="lazy" className="h-12 w-12 shrink-0 rounded border border-slate-200 bg-slate-50 object-cover" />;
  }
  return <span className="line-clamp-2 break-words text-slate-700">{previewInput(pattern.inputKind, pattern.input)}</span>;
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
        {patterns.map((p) => (
          <TableRow key={p.id}>
            <TableCell className="basis-full md:min-w-44">
              <Link href={`${base}/patterns/${p.id}`} className="name-link">
                {p.name}
              </Link>
            </TableCell>
            <TableCell className="basis-full md:min-w-56 md:max-w-md">
              <InputPreview pattern={p} />
            </TableCell>
            <TableCell className="basis-full md:min-w-36">{describeExpectation(p.expectation)}</TableCell>
            <TableCell>
              <PurposeBadge purpose={p.purpose} />
            </TableCell>
            <TableCell>
              <OriginBadge origin={p.origin} />
            </TableCell>
            <TableCell className="num" data-label="Rev">
              {p.revision}
            </TableCell>
            {verdictColumns.map((column) => (
              <TableCell key={column.modelVersion.id} className="whitespace-nowrap" data-label={verdictColumnLabel(column)}>
                <PatternVerdict cell={column.cells.get(p.id)} base={base} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
