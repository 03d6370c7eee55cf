import { Badge } from "@/components/ui/badge";
import { coverageHintLabel } from "@/lib/problems/coverage-hints";
import type { CoverageHint } from "@/lib/problems/problem.schema";

export function CoverageHintBadges({ hints }: { hints: CoverageHint[] }) {
  if (hints.length === 0) {
    return (
      <span className="text-sm text-emerald-800">
        <span aria-hidden="true">✓ </span>covered
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1">
      {hints.map((hint) => (
        <Badge key={hint} tone="amber">
          {coverageHintLabel[hint]}
        </Badge>
      ))}
    </span>
  );
}
