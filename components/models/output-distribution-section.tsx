import { OutputDistributionChart } from "@/components/charts/output-distribution-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { OutputDistributionView } from "@/lib/models/get-output-distribution-view";

const DESCRIPTION = {
  label: "How often the version answers each label on the current patterns (a ranking counts as its best entry).",
  number: "A histogram of the version's numeric outputs on the current patterns.",
  text: "The lengths of the version's outputs on the current patterns, and its commonest outputs.",
} as const;

/** The model version page's "Outputs" card: the version's output distribution over the current pattern set. */
export function OutputDistributionSection({ view, label }: { view: OutputDistributionView; label: string }) {
  const { distribution, lengths } = view;
  return (
    <Card title="Outputs" description={`${DESCRIPTION[distribution.kind]} ${distribution.total} output${distribution.total === 1 ? "" : "s"}, errors left out.`}>
      {distribution.total === 0 ? (
        <EmptyState title="No outputs yet">The distribution appears once a replay has stored outputs for the current patterns.</EmptyState>
      ) : distribution.kind === "text" ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Output length</h3>
            <OutputDistributionChart scale="length" buckets={lengths ?? []} name={`Lengths of the outputs of ${label}, in characters`} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Commonest outputs</h3>
            <OutputDistributionChart scale="text" buckets={distribution.buckets} name={`Commonest outputs of ${label}`} testId="top-outputs-chart" maxBars={8} />
          </div>
        </div>
      ) : (
        <OutputDistributionChart
          scale={distribution.kind}
          buckets={distribution.buckets}
          name={distribution.kind === "label" ? `Outputs of ${label} by label` : `Histogram of the outputs of ${label}`}
        />
      )}
    </Card>
  );
}
