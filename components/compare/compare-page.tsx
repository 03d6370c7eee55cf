import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Button, Select } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ModelStatus } from "@/lib/db/generated/enums";
import { formatPValue } from "@/lib/format/format-p-value";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ComparisonResource } from "@/lib/results/get-comparison-resource.schema";
import { comparisonSummaryText } from "./comparison-summary-text";
import { ComparisonVerdictBadge } from "./comparison-verdict-badge";
import { ComparisonTableRows } from "./comparison-table-rows";
import { CompareProblemPages, pageOfProblems, type ComparePageChoice } from "./compare-problem-pages";
import { FlippedPatternList } from "./flipped-pattern-list";
import { OutputShiftSection } from "./output-shift-section";
import type { OutputDistributionComparison } from "@/lib/models/compare-output-distributions";

type Version = { id: string; name: string; version: string; status: ModelStatus };

type ComparePageProps = {
  project: { slug: string };
  candidate: Version;
  /** Every other version of the project, in registration order: the baseline picker's choices. */
  baselineOptions: Version[];
  /** With flips per problem; null when there is nothing to compare (see `problem`). */
  comparison: ComparisonResource | null;
  /** Why there is no comparison: no other version, an unknown baseline … */
  problem: string | null;
  /** Both versions' output distributions and the shift between them; null without a comparison. */
  outputs?: OutputDistributionComparison | null;
  /** Which page of problems the table lists (COMPARE_PAGE_SIZE a page, worst first), or all of them. */
  problemPage?: ComparePageChoice;
};

const REASON: Record<ComparisonResource["baselineReason"], string> = {
  production: "the production version",
  previous: "the version registered before it (no other version is in production)",
  requested: "the version you chose",
};

export function ComparePage({ project, candidate, baselineOptions, comparison, problem, outputs = null, problemPage = 1 }: ComparePageProps) {
  const base = `/projects/${project.slug}`;
  const candidateLabel = modelVersionLabel(candidate);
  const baselineLabel = comparison ? modelVersionLabel(comparison.baseline) : null;
  const withFlips = comparison?.problems.filter((p) => (p.flips?.length ?? 0) > 0) ?? [];
  const pages = pageOfProblems(comparison?.problems ?? [], problemPage);
  const shown = pages.shown;

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href={`${base}/models`} className="hover:underline">
              Model versions
            </Link>{" "}
            /{" "}
            <Link href={`${base}/models/${candidate.id}`} className="hover:underline">
              {candidateLabel}
            </Link>
          </>
        }
        title={baselineLabel ? `${candidateLabel} compared with ${baselineLabel}` : `Compare ${candidateLabel}`}
        description={
          comparison ? (
            <>
              Baseline: {REASON[comparison.baselineReason]}. Counted on the patterns both versions were judged on (current revisions); a problem is better or worse when
              the exact McNemar test on its flipped patterns gives p &lt; α = {comparison.alpha}.
            </>
          ) : null
        }
      />

      <div className="space-y-6">
        <Card>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 space-y-1 sm:max-w-sm">
              <label htmlFor="compare-baseline" className="block text-sm font-medium text-slate-800">
                Compare with
              </label>
              <Select id="compare-baseline" name="baseline" defaultValue={comparison?.baseline.id ?? ""}>
                {comparison ? null : <option value="">Choose a version…</option>}
                {baselineOptions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {modelVersionLabel(v)} · {v.status}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" tone="secondary">
              Compare
            </Button>
          </form>
        </Card>

        {problem || !comparison ? (
          <EmptyState title="Nothing to compare">{problem ?? "Choose a baseline version."}</EmptyState>
        ) : (
          <>
            <section aria-labelledby="summary-heading" className="space-y-1">
              <h2 id="summary-heading" className="sr-only">
                Summary
              </h2>
              <p data-testid="comparison-summary" className="text-lg font-medium text-slate-900 text-pretty">
                {comparisonSummaryText(comparison.problems)}
              </p>
              <p className="text-sm text-slate-600">
                {comparison.summary.broken} pattern{comparison.summary.broken === 1 ? "" : "s"} broken (pass → fail), {comparison.summary.fixed} fixed (fail → pass) of{" "}
                {comparison.summary.paired} judged on both versions
                {comparison.summary.unpaired > 0 ? ` · ${comparison.summary.unpaired} not comparable (error, awaiting grade or no result on either side)` : ""}.
              </p>
            </section>

            {comparison.problems.length === 0 ? (
              <EmptyState title="No problems logged yet" />
            ) : (
              <>
                <Table aria-label={`Problems, ${candidateLabel} compared with ${baselineLabel}, worst first`} className="cards-sm">
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell>Problem</TableHeaderCell>
                      <TableHeaderCell>Verdict</TableHeaderCell>
                      <TableHeaderCell className="text-right normal-case tracking-normal">{baselineLabel}</TableHeaderCell>
                      <TableHeaderCell className="text-right normal-case tracking-normal">{candidateLabel}</TableHeaderCell>
                      <TableHeaderCell className="text-right">Target</TableHeaderCell>
                      <TableHeaderCell className="text-right">Fixed</TableHeaderCell>
                      <TableHeaderCell className="text-right">Broken</TableHeaderCell>
                      <TableHeaderCell className="text-right normal-case">p</TableHeaderCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    <ComparisonTableRows
                      projectSlug={project.slug}
                      baselineLabel={baselineLabel ?? ""}
                      candidateLabel={candidateLabel}
                      rows={shown.map((p) => ({
                        problemId: p.problemId,
                        key: p.key,
                        title: p.title,
                        severity: p.severity,
                        target: p.target,
                        verdict: p.verdict,
                        baseline: p.baseline,
                        candidate: p.candidate,
                        fixed: p.fixed,
                        broken: p.broken,
                        pValue: p.pValue,
                        unpaired: p.unpaired,
                      }))}
                    />
                  </TableBody>
                </Table>
                <CompareProblemPages base={`${base}/models/${candidate.id}/compare`} baselineId={comparison.baseline.id} page={pages.page} pageCount={pages.pageCount} total={comparison.problems.length} />
              </>
            )}

            {outputs && baselineLabel ? <OutputShiftSection comparison={outputs} baselineLabel={baselineLabel} candidateLabel={candidateLabel} /> : null}

            <section aria-labelledby="flips-heading" className="space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="flips-heading" className="text-base font-semibold text-slate-900">
                  Flipped patterns
                </h2>
                <p className="text-sm text-slate-600">Patterns whose verdict changed, per problem, worst problem first.</p>
              </div>
              {withFlips.length === 0 ? (
                <EmptyState title="No pattern changed its verdict" />
              ) : (
                withFlips.map((p) => (
                  <details
                    key={p.problemId}
                    id={`flips-${p.key}`}
                    data-testid={`flips-${p.key}`}
                    open={p.verdict === "worse" || withFlips.length <= 3}
                    className="group rounded-lg border border-slate-200 bg-white shadow-sm"
                  >
                    <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 sm:px-5 [&::-webkit-details-marker]:hidden">
                      <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90">
                        ▸
                      </span>
                      <span className="font-semibold text-slate-900">{p.key}</span>
                      <span className="min-w-0 flex-1 basis-52 text-slate-700">{p.title}</span>
                      <span className="flex flex-wrap items-center gap-2 text-sm">
                        <ComparisonVerdictBadge verdict={p.verdict} />
                        {p.broken > 0 ? <Badge tone="red">{p.broken} broken</Badge> : null}
                        {p.fixed > 0 ? <Badge tone="green">{p.fixed} fixed</Badge> : null}
                        <span className="tabular-nums text-slate-600">{formatPValue(p.pValue)}</span>
                      </span>
                    </summary>
                    <div className="border-t border-slate-100 px-4 sm:px-5">
                      <FlippedPatternList base={base} flips={p.flips ?? []} baselineLabel={`${baselineLabel} (baseline)`} candidateLabel={candidateLabel} />
                    </div>
                  </details>
                ))
              )}
            </section>
          </>
        )}
      </div>
    </>
  );
}
