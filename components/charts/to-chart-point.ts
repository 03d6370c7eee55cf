import type { ErrorRate } from "@/lib/results/list-error-rates";
import type { ErrorRateChartPoint } from "./error-rate-chart";

/** Four decimals (0.01 percentage point) is finer than any axis or tooltip shows, and keeps the page's payload short. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** What a chart draws of an error rate (null where there is no result); server and client pages alike. */
export function toChartPoint(rate: ErrorRate | null): ErrorRateChartPoint {
  return rate
    ? { errorRate: rate.errorRate === null ? null : round(rate.errorRate), n: rate.n, low: round(rate.low), high: round(rate.high), errored: rate.errored }
    : null;
}
