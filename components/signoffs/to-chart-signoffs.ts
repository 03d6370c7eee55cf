import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { formatDateTime } from "@/components/ui/format-date";
import type { SignoffMarker } from "@/lib/signoffs/list-signoff-markers";

/** Sign-off markers laid out like the chart's points: [problem][model version], null where none. */
export function toChartSignoffs(markers: readonly SignoffMarker[], problemIds: readonly string[], modelVersionIds: readonly string[]): ErrorRateChartSignoff[][] {
  const byPair = new Map(markers.map((m) => [`${m.problemId}:${m.modelVersionId}`, m]));
  return problemIds.map((problemId) =>
    modelVersionIds.map((modelVersionId) => {
      const marker = byPair.get(`${problemId}:${modelVersionId}`);
      return marker
        ? { decision: marker.decision, stale: marker.stale, by: marker.createdBy?.name ?? "a deleted user", at: formatDateTime(marker.createdAt), comment: marker.comment, staleReason: marker.staleReason }
        : null;
    }),
  );
}
