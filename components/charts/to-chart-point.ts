import type { ErrorRate } from "@/lib/results/list-error-rates";
import type { ErrorRateChartPoint } from "./error-rate-chart";

/** What a chart draws of an error rate (null where there is no result); server and client pages alike. */
export function toChartPoint(rate: ErrorRate | null): ErrorRateChartPoint {
  return rate ? { errorRate: rate.errorRate, n: rate.n, low: rate.low, high: rate.high, errored: rate.errored } : null;
}
