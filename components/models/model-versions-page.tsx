import Link from "next/link";
import { Badge, ModelStatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatAge } from "@/lib/format/format-age";
import { formatMetrics } from "@/lib/format/format-metrics";
import type { ModelVersionListItem } from "@/lib/models/list-model-versions";
import { ActiveReplaysProvider, ModelReplayBadge } from "./model-replay-badges";

export function ageText(trainedAt: Date, now: Date): string {
  const age = formatAge(trainedAt, now);
  return age === "today" || age === "in the future" ? `trained ${age}` : `${age} old`;
}

type ModelVersionsPageProps = {
  project: { id: string; slug: string };
  modelVersions: ModelVersionListItem[];
  /** The actor may register model versions. */
  canRegister: boolean;
  now: Date;
};

export function ModelVersionsPage({ project, modelVersions, canRegister, now }: ModelVersionsPageProps) {
  const registerLink = canRegister ? (
    <Link
      href={`/projects/${project.slug}/models/new`}
      className="inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2"
    >
      Register model version
    </Link>
  ) : null;
  return (
    <ActiveReplaysProvider projectId={project.id}>
      <PageHeader
        title="Model versions"
        description="Candidate and released models in registration order, the order of every chart's x axis."
        actions={registerLink}
      />
      {modelVersions.length === 0 ? (
        <EmptyState title="No model versions registered yet">
          Register a model version with a connector; Ratchet replays every pattern against it.
        </EmptyState>
      ) : (
        <>
          <ol aria-label="Model versions" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
            {modelVersions.map((v, i) => (
              <li key={v.id} className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm tabular-nums text-slate-500">{i + 1}.</span>
                  <Link href={`/projects/${project.slug}/models/${v.id}`} className="font-semibold text-blue-700 hover:underline">
                    {v.name} {v.version}
                  </Link>
                  <ModelStatusBadge status={v.status} />
                  <Badge>{v.connectorKind}</Badge>
                  <ModelReplayBadge modelVersionId={v.id} />
                </div>
                <p className="mt-1 text-sm text-slate-700">
                  {v.trainedAt ? `Trained ${v.trainedAt.toISOString().slice(0, 10)} · ${ageText(v.trainedAt, now)}` : "Training date unknown"}
                </p>
                <p className="mt-0.5 text-sm text-slate-600">{formatMetrics(v.metrics)}</p>
              </li>
            ))}
          </ol>
          <Table aria-label="Model versions" containerClassName="hidden sm:block">
            <TableHead>
              <TableRow>
                <TableHeaderCell className="text-right">#</TableHeaderCell>
                <TableHeaderCell>Model version</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Connector</TableHeaderCell>
                <TableHeaderCell>Trained</TableHeaderCell>
                <TableHeaderCell>Metrics</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {modelVersions.map((v, i) => (
                <TableRow key={v.id}>
                  <TableCell className="text-right tabular-nums text-slate-500">{i + 1}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <Link href={`/projects/${project.slug}/models/${v.id}`} className="font-semibold text-blue-700 hover:underline">
                      {v.name}
                    </Link>{" "}
                    <span className="text-slate-700">{v.version}</span>
                  </TableCell>
                  <TableCell>
                    <span className="flex flex-wrap items-center gap-1.5">
                      <ModelStatusBadge status={v.status} />
                      <ModelReplayBadge modelVersionId={v.id} />
                    </span>
                  </TableCell>
                  <TableCell>
                    <Badge>{v.connectorKind}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {v.trainedAt ? (
                      <>
                        <time dateTime={v.trainedAt.toISOString()}>{v.trainedAt.toISOString().slice(0, 10)}</time>
                        <span className="block text-xs text-slate-600">{ageText(v.trainedAt, now)}</span>
                      </>
                    ) : (
                      <span className="text-slate-500">unknown</span>
                    )}
                  </TableCell>
                  <TableCell className="min-w-48 text-slate-700">{formatMetrics(v.metrics)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </ActiveReplaysProvider>
  );
}
