import Link from "next/link";
import { VerdictBadge } from "@/components/models/verdict-badge";
import { outputText } from "@/components/models/output-text";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format-date";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { PatternResultEntry } from "@/lib/results/list-pattern-results";

/**
 * A pattern's results across model versions, where testers work: each
 * version's output, verdict and when, with a link to the result. Results of an
 * earlier revision stay listed, marked, below the current one's.
 */
export function PatternResultsCard({ projectSlug, results }: { projectSlug: string; results: PatternResultEntry[] }) {
  const base = `/projects/${projectSlug}`;
  const versions = new Set(results.filter((r) => r.current).map((r) => r.modelVersion.id)).size;
  return (
    <Card
      className="mt-6"
      title="Results across model versions"
      description={results.length === 0 ? undefined : `The current revision was replayed on ${versions} model version${versions === 1 ? "" : "s"}. Earlier revisions' results are marked; they no longer count.`}
    >
      {results.length === 0 ? (
        <p className="text-sm text-slate-600">No model version has been replayed on this pattern yet. Results appear here as replays finish.</p>
      ) : (
        <Table aria-label="Results across model versions">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Model version</TableHeaderCell>
              <TableHeaderCell>Verdict</TableHeaderCell>
              <TableHeaderCell>Output</TableHeaderCell>
              <TableHeaderCell>When</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.map((r) => (
              <TableRow key={r.resultId} className={r.current ? "" : "text-slate-500"}>
                <TableCell className="whitespace-nowrap">
                  <Link href={`${base}/models/${r.modelVersion.id}`} className="font-medium text-blue-700 hover:underline">
                    {r.modelVersion.name} {r.modelVersion.version}
                  </Link>
                  {r.modelVersion.status === "production" ? <span className="ml-1 text-xs text-slate-600">★ production</span> : null}
                  {r.current ? null : (
                    <span className="ml-1">
                      <Badge>rev {r.revisionNumber}, earlier</Badge>
                    </span>
                  )}
                </TableCell>
                <TableCell>
                  <Link href={`${base}/results/${r.resultId}`} aria-label={`Result of ${r.modelVersion.name} ${r.modelVersion.version}: ${r.verdict ?? "awaiting grade"}`}>
                    <VerdictBadge verdict={r.verdict} />
                  </Link>
                </TableCell>
                <TableCell className="min-w-48 max-w-md break-words font-mono text-xs">{r.verdict === "error" && r.errorReason ? <span className="font-sans text-amber-900">{r.errorReason}</span> : outputText(r.output)}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(r.at)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
