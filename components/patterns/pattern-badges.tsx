import { Badge } from "@/components/ui/badge";
import type { PatternOrigin, PatternPurpose } from "@/lib/db/generated/enums";

// Purpose and origin in words; colour only helps scanning a list.

export function PurposeBadge({ purpose }: { purpose: PatternPurpose }) {
  return <Badge tone={purpose === "control" ? "violet" : "blue"}>{purpose}</Badge>;
}

export function OriginBadge({ origin }: { origin: PatternOrigin }) {
  return <Badge tone={origin === "production" ? "green" : "slate"}>{origin}</Badge>;
}
