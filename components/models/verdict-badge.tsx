import { Badge } from "@/components/ui/badge";

/** A result's verdict; null (a stored result) or needs_grade (Test connection) is a `human` expectation's output waiting for its grade. */
export function VerdictBadge({ verdict }: { verdict: "pass" | "fail" | "error" | "needs_grade" | null | undefined }) {
  if (verdict === "pass") return <Badge tone="green">pass</Badge>;
  if (verdict === "fail") return <Badge tone="red">fail</Badge>;
  if (verdict === "error") return <Badge tone="amber">error</Badge>;
  return <Badge tone="violet">awaiting grade</Badge>;
}
