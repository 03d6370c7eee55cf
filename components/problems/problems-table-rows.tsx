"use client";
import Link from "next/link";
import { ErrorRateCell } from "@/components/dashboard/error-rate-cell";
import { ProblemStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatTarget } from "@/lib/format/format-percent";
import type { ProblemListItemResource } from "@/lib/problems/problem.schema";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { CoverageHintBadges } from "./coverage-hint-badges";

export type ProblemsTableRow = Pick<ProblemListItemResource, "id" | "key" | "title" | "severity" | "status" | "target" | "patternCount" | "patternCounts" | "coverageHints" | "updatedAt"> & {
  ownerName: string | null;
  /** On the newest version (the "Latest" column); undefined when the project has no version. */
  latest?: ErrorRate | null;
};

type Props = { base: string; rows: ProblemsTableRow[]; latestLabel: string | null };

/**
 * The problems list's rows. A client component on purpose: the page's React payload then carries each problem's
 * fields instead of its rendered row (repeated beside the HTML), which roughly halves the page's weight and the
 * server's work serialising it.
 */
export function ProblemsTableRows({ base, rows, latestLabel }: Props) {
  return rows.map((problem) => (
    <TableRow key={problem.id}>
      <TableCell className="whitespace-nowrap">
        <Link href={`${base}/${encodeURIComponent(problem.key)}`} className="key-link">
          {problem.key}
        </Link>
      </TableCell>
      <TableCell className="order-1 basis-full sm:min-w-48">{problem.title}</TableCell>
      <TableCell>
        <SeverityBadge severity={problem.severity} />
      </TableCell>
      <TableCell>
        <ProblemStatusBadge status={problem.status} />
      </TableCell>
      <TableCell className="order-1 num" data-label="Target">
        ≤ {formatTarget(problem.target)}
      </TableCell>
      <TableCell className="order-1 num" data-label="Patterns">
        {problem.patternCount}
        <span className="text-xs text-slate-600 sm:block">
          {" "}
          {problem.patternCounts.control} control · {problem.patternCounts.production} prod
        </span>
      </TableCell>
      <TableCell className="order-1 basis-full">
        <CoverageHintBadges hints={problem.coverageHints} />
      </TableCell>
      {latestLabel !== null ? (
        <ErrorRateCell rate={problem.latest ?? null} target={problem.target} testId={`latest-${problem.key}`} label={latestLabel} className="order-1" />
      ) : null}
      <TableCell className="hidden whitespace-nowrap lg:table-cell">{problem.ownerName ?? "—"}</TableCell>
      <TableCell className="hidden whitespace-nowrap text-slate-600 lg:table-cell">{problem.updatedAt.slice(0, 10)}</TableCell>
    </TableRow>
  ));
}
