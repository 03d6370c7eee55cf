import Link from "next/link";
import type { ErrorRateChartPoint, ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { ErrorRateSmallMultiples } from "@/components/charts/error-rate-small-multiples";
import { seriesStyle } from "@/components/charts/series-colors";
import { signoffSymbol } from "@/components/charts/signoff-symbol";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format-date";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/format/format-percent";
import type { GateResource } from "@/lib/gate/gate.schema";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ModelVersionSignoff } from "@/lib/signoffs/list-model-version-signoffs";
import type { SignoffSheet } from "@/lib/signoffs/list-signoff-sheet-rows";
import { SignoffSheetTable } from "./signoff-sheet-table";

const GATE_TONE: Record<GateResource["decision"], BadgeTone> = { pass: "green", fail: "red", pending: "amber" };

type SignoffReportPageProps = {
  project: { slug: string; name: string };
  modelVersion: { id: string; name: string; version: string; status: string };
  sheet: SignoffSheet;
  gate: GateResource;
  /** One small chart per problem: every model version's rate, with the sign-off markers. */
  charts: { problem: { id: string; key: string; title: string; number: number; target: number }; points: ErrorRateChartPoint[]; signoffs: ErrorRateChartSignoff[] }[];
  modelVersions: { id: string; name: string; version: string }[];
  history: ModelVersionSignoff[];
  generatedAt: Date;
};

/** The printable sign-off report (A4): gate decision, the sheet, a chart per problem, every decision with who and when. */
export function SignoffReportPage({ project, modelVersion, sheet, gate, charts, modelVersions, history, generatedAt }: SignoffReportPageProps) {
  const label = modelVersionLabel(modelVersion);
  // Version labels alone when every version has the same model name: full names do not fit under a half-width chart.
  const oneName = modelVersions.every((v) => v.name === modelVersion.name);
  const axisLabels = modelVersions.map((v) => (oneName ? v.version : modelVersionLabel(v)));
  return (
    <article className="mx-auto max-w-[190mm] space-y-6 text-slate-900 print:max-w-none print:space-y-4" data-testid="signoff-report">
      {/* A4 with margins; the app's bars are hidden in print (print:hidden on them). */}
      <style>{"@page { size: A4; margin: 14mm 12mm; } @media print { body { background: #fff; } main { padding: 0 !important; max-width: none !important; } }"}</style>
      <header className="border-b border-slate-300 pb-3">
        <p className="text-sm text-slate-600">
          {project.name} · sign-off report ·{" "}
          <Link href={`/projects/${project.slug}/models/${modelVersion.id}/sign-off`} className="text-blue-700 hover:underline print:hidden">
            back to the sheet
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Sign-off report: {label}</h1>
        <p className="text-sm text-slate-600">
          Status {modelVersion.status} · generated <time dateTime={generatedAt.toISOString()}>{formatDateTime(generatedAt)}</time>
          {sheet.baseline ? ` · compared with ${modelVersionLabel(sheet.baseline.modelVersion)} (${sheet.baseline.reason}), α = ${sheet.alpha}` : ""}
        </p>
      </header>

      <section aria-labelledby="gate-heading" className="break-inside-avoid space-y-2">
        <h2 id="gate-heading" className="text-lg font-semibold">
          Release gate: <Badge tone={GATE_TONE[gate.decision]}>{gate.decision}</Badge>
        </h2>
        <p className="text-sm text-slate-600">
          Evaluated {formatDateTime(gate.evaluatedAt)}. Replay {gate.replay.complete ? "complete" : `incomplete (${gate.replay.pending} pending, ${gate.replay.missing} missing, ${gate.replay.awaitingGrade} awaiting a grade)`}.
        </p>
        {gate.reasons.length ? (
          <ul className="list-disc space-y-0.5 pl-5 text-sm" data-testid="gate-reasons">
            {gate.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">Every rule is met.</p>
        )}
      </section>

      <section aria-labelledby="sheet-heading" className="space-y-2">
        <h2 id="sheet-heading" className="text-lg font-semibold">
          Problems
        </h2>
        <SignoffSheetTable projectSlug={project.slug} modelVersionId={modelVersion.id} rows={sheet.rows} baselineLabel={sheet.baseline ? modelVersionLabel(sheet.baseline.modelVersion) : null} canDecide={false} compact />
      </section>

      <section aria-labelledby="charts-heading" className="space-y-2">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Error rate per problem across versions
        </h2>
        <p className="text-xs text-slate-600">
          {oneName ? `Versions of ${modelVersion.name}` : "Model versions"} in registration order. Dashed line: target. Markers: ✓ approved, ✗ rejected, ◌ stale.
        </p>
        <ErrorRateSmallMultiples
          className="grid gap-4 sm:grid-cols-2"
          height={170}
          modelVersions={axisLabels}
          series={charts.map(({ problem }) => ({ key: problem.key, title: problem.title, target: problem.target, ...seriesStyle(problem.number - 1) }))}
          points={charts.map((c) => c.points)}
          signoffs={charts.map((c) => c.signoffs)}
        />
      </section>

      <section aria-labelledby="history-heading" className="space-y-2 break-inside-avoid">
        <h2 id="history-heading" className="text-lg font-semibold">
          Decisions on {label}
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No sign-off recorded yet.</p>
        ) : (
          <Table aria-label={`Every sign-off on ${label}`} containerClassName="print:overflow-visible">
            <TableHead>
              <tr>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
                <TableHeaderCell>Decision</TableHeaderCell>
                <TableHeaderCell>By</TableHeaderCell>
                <TableHeaderCell className="text-right">Rate then</TableHeaderCell>
                <TableHeaderCell>Comment</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {history.map((s) => (
                <TableRow key={s.id} data-testid="report-decision" className={s.superseded || s.stale ? "text-slate-500" : ""}>
                  <TableCell className="whitespace-nowrap text-xs">{formatDateTime(s.createdAt)}</TableCell>
                  <TableCell className="whitespace-nowrap font-medium">{s.problem.key}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <span className={s.superseded || s.stale ? "line-through" : ""}>
                      <span aria-hidden="true">{signoffSymbol(s)} </span>
                      {s.decision === "approve" ? "approved" : "rejected"}
                    </span>
                    {s.stale ? <span className="block text-xs text-amber-900">stale: {s.staleReason}</span> : null}
                    {s.superseded ? <span className="block text-xs">superseded</span> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{s.createdBy?.name ?? "a deleted user"}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {formatPercent(s.evidence.errorRate)} <span className="text-xs">(n={s.evidence.n})</span>
                  </TableCell>
                  <TableCell className="text-xs">{s.comment}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </article>
  );
}
