import type { Histogram, Registry } from "prom-client";

export const UNMATCHED_ROUTE: "(unmatched)";
export function webMetrics(): { registry: Registry; httpRequestDuration: Histogram<"method" | "route" | "status"> };
export function observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
export function readRoutePatterns(appDir: string): string[];
export function createRouteMatcher(patterns: readonly string[]): (pathname: string) => string;
export function collectWebMetrics(): Promise<import("prom-client").MetricObjectWithValues<import("prom-client").MetricValue<string>>[][]>;
export function answerClusterMetricsRequests(): void;
export function relayClusterMetricsRequests(): void;
