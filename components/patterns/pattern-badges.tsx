import { Badge } from "@/components/ui/badge";
import type { PatternOrigin, Polarity } from "@/lib/db/generated/enums";

// Polarity and origin in words; colour only helps scanning a list.

export function PolarityBadge({ polarity }: { polarity: Polarity }) {
  return <Badge tone={polarity === "negative" ? "violet" : "blue"}>{polarity}</Badge>;
}

export function OriginBadge({ origin }: { origin: PatternOrigin }) {
  return <Badge tone={origin === "production" ? "green" : "slate"}>{origin}</Badge>;
}
