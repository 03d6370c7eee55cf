import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ProblemComparisonResource } from "@/lib/results/get-comparison-resource.schema";

type ComparisonVerdict = ProblemComparisonResource["verdict"];

// A glyph and a word for each verdict: colour only helps scanning.
const VERDICTS: Record<ComparisonVerdict, { glyph: string; tone: BadgeTone }> = {
  worse: { glyph: "✗", tone: "red" },
  better: { glyph: "✓", tone: "green" },
  unchanged: { glyph: "=", tone: "slate" },
  inconclusive: { glyph: "?", tone: "amber" },
};

export function ComparisonVerdictBadge({ verdict }: { verdict: ComparisonVerdict }) {
  const { glyph, tone } = VERDICTS[verdict];
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className="mr-1">
        {glyph}
      </span>
      {verdict}
    </Badge>
  );
}
