// Plain <img>: attachments are served by the API with the session cookie, which next/image's optimiser would not send.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PurposeBadge } from "@/components/patterns/pattern-badges";
import { VerdictBadge } from "@/components/models/verdict-badge";
import { outputText } from "@/components/models/output-text";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import { previewInput } from "@/lib/patterns/preview-input";
import type { FlippedPattern } from "@/lib/results/get-comparison-resource.schema";

type Props = {
  base: string;
  flips: FlippedPattern[];
  baselineLabel: string;
  candidateLabel: string;
};

/** The patterns that flipped on one problem: input, expectation, and both versions' outputs side by side. */
export function FlippedPatternList({ base, flips, baselineLabel, candidateLabel }: Props) {
  return (
    <ol className="divide-y divide-slate-100">
      {flips.map((flip) => (
        <li key={flip.patternId} data-testid="flipped-pattern" data-flip={flip.flip} className="grid gap-3 py-3 lg:grid-cols-2 lg:gap-6">
          <div className="min-w-0 space-y-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`${base}/patterns/${flip.patternId}`} className="font-medium text-blue-700 hover:underline">
                {flip.name}
              </Link>
              <Badge tone={flip.flip === "broken" ? "red" : "green"}>{flip.flip === "broken" ? "broken: pass → fail" : "fixed: fail → pass"}</Badge>
              <PurposeBadge purpose={flip.purpose} />
            </div>
            {flip.image ? (
              <a href={flip.image.url} className="inline-block" title="Open the full-size image">
                <img src={flip.image.thumbnailUrl} alt={`Input of ${flip.name}`} className="h-20 w-auto max-w-full rounded border border-slate-200 bg-slate-50 object-contain" />
              </a>
            ) : (
              <p className="whitespace-pre-wrap break-words rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-200">
                {previewInput(flip.inputKind, flip.input, 400)}
              </p>
            )}
            <p className="text-sm text-slate-700">
              <span className="text-slate-500">Expected: </span>
              {describeExpectation(flip.expectation)}
            </p>
          </div>
          <dl className="grid min-w-0 grid-cols-2 gap-3 text-sm">
            <Output label={baselineLabel} side={flip.baseline} />
            <Output label={candidateLabel} side={flip.candidate} />
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Output({ label, side }: { label: string; side: FlippedPattern["baseline"] }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 px-3 py-2">
      <dt className="flex flex-wrap items-center justify-between gap-1 text-xs text-slate-500">
        <span className="min-w-0 break-words">{label}</span>
        <VerdictBadge verdict={side.verdict} />
      </dt>
      <dd className="mt-1 break-words">
        <code className="text-xs text-slate-900">{outputText(side.output, 300)}</code>
      </dd>
    </div>
  );
}
