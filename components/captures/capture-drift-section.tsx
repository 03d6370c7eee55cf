import Link from "next/link";
import { CaptureDriftChart } from "@/components/charts/capture-drift-chart";
import { Card } from "@/components/ui/card";
import type { CaptureDrift } from "@/lib/captures/capture-drift.schema";

/** The captures page's drift card: what production sends, week by week, against the production version on the pattern set. */
export function CaptureDriftSection({ drift, settingsHref }: { drift: CaptureDrift; settingsHref: string | null }) {
  const statistic = drift.statistic === "jensen_shannon" ? "Jensen–Shannon distance of the labels" : "Kolmogorov–Smirnov statistic";
  const bad = drift.ratingScale === "stars" ? "2 stars or fewer" : "a rating below 0 (thumbs down)";
  return (
    <Card
      title="Drift"
      description={
        <>
          Shift: the {statistic} between a week&apos;s captured outputs and{" "}
          {drift.productionVersion ? `${drift.productionVersion.name} ${drift.productionVersion.version}` : "the production version"} on the current patterns (weeks with at least 5
          outputs). Rated bad: {bad}.{" "}
          {drift.threshold === null ? "No drift alert is set." : `Alert above ${drift.threshold}.`}
          {settingsHref ? (
            <>
              {" "}
              <Link href={settingsHref} className="font-medium text-blue-700 hover:underline">
                Change the threshold
              </Link>
            </>
          ) : null}
        </>
      }
    >
      <CaptureDriftChart drift={drift} />
    </Card>
  );
}
