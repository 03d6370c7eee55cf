import path from "node:path";
import client from "prom-client";
import { describe, expect, it } from "vitest";
import { createRouteMatcher, observeRequest, readRoutePatterns, UNMATCHED_ROUTE, webMetrics } from "./web-metrics.mjs";

const patterns = readRoutePatterns(path.join(process.cwd(), "app"));
const match = createRouteMatcher(patterns);

describe("route patterns for metric labels", () => {
  it("reads the app's page and route files, route groups dropped", () => {
    expect(patterns).toContain("/");
    expect(patterns).toContain("/sign-in"); // app/(site)/sign-in/page.tsx
    expect(patterns).toContain("/api/v1/problems/[problemId]");
    expect(patterns).toContain("/projects/[slug]/problems/[key]");
    expect(patterns).toContain("/api/metrics");
    expect(patterns).toContain("/api/health/ready");
    expect(patterns.some((p) => p.includes("("))).toBe(false);
  });

  it("maps request paths to the pattern Next would pick: static before dynamic before catch-all", () => {
    expect(match("/api/v1/problems/cm1abcdefghijklmnopqrstu")).toBe("/api/v1/problems/[problemId]");
    expect(match("/api/v1/problems/cm1abc/signoffs")).toBe("/api/v1/problems/[problemId]/signoffs");
    expect(match("/projects/new")).toBe("/projects/new");
    expect(match("/projects/sentiment")).toBe("/projects/[slug]");
    expect(match("/projects/sentiment/models/new")).toBe("/projects/[slug]/models/new");
    expect(match("/projects/sentiment/models/cm1abc")).toBe("/projects/[slug]/models/[modelId]");
    expect(match("/projects/sentiment/problems/SENT-2")).toBe("/projects/[slug]/problems/[key]");
    expect(match("/api/v1/no/such/route")).toBe("/api/v1/[...path]");
    expect(match("/api/auth/sign-in/email")).toBe("/api/auth/[...all]");
    expect(match("/invite/0f3c9a1b")).toBe("/invite/[token]");
    expect(match("/")).toBe("/");
    expect(match("/api/health?probe=1")).toBe("/api/health");
  });

  it("never labels with a path a client made up, nor an asset's name", () => {
    expect(match("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(match("/projects/a/b/c/d/e/f")).toBe(UNMATCHED_ROUTE);
    expect(match("/api/health/ready/extra")).toBe(UNMATCHED_ROUTE);
    expect(match("/_next/static/chunks/abc123.js")).toBe("/_next/*");
  });
});

describe("the web process's registry", () => {
  it("records a request in the histogram by method, route pattern and status, in Prometheus text", async () => {
    observeRequest({ method: "GET", route: "/api/v1/problems/[problemId]", status: 200, seconds: 0.03 });
    observeRequest({ method: "BREW", route: "/api/v1/problems/[problemId]", status: 405, seconds: 0.001 });
    const text = await webMetrics().registry.metrics();
    expect(text).toContain("# TYPE ratchet_http_request_duration_seconds histogram");
    expect(text).toMatch(/ratchet_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/v1\/problems\/\[problemId\]",status="200"\} [1-9]/);
    expect(text).toMatch(/ratchet_http_request_duration_seconds_bucket\{le="0.025",method="GET",route="\/api\/v1\/problems\/\[problemId\]",status="200"\} 0/);
    // An unknown method is "OTHER": methods cannot grow the label set.
    expect(text).toContain('method="OTHER",route="/api/v1/problems/[problemId]",status="405"');
    expect(text).not.toContain("BREW");
  });

  it("is one registry per process, whichever copy of the module asks", () => {
    expect(webMetrics()).toBe(webMetrics());
    expect(webMetrics().registry).toBeInstanceOf(client.Registry);
  });
});

describe("web metrics of a cluster of web processes", () => {
  it("a scrape answered by one process carries every process's requests, gathered through the primary", async () => {
    const { execFile } = await import("node:child_process");
    const fixture = path.join(process.cwd(), "lib/metrics/testing/web-metrics-cluster-fixture.mjs");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [fixture], { timeout: 30_000 }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    const perProcess = JSON.parse(stdout) as client.MetricObjectWithValues<client.MetricValue<string>>[][];
    expect(perProcess).toHaveLength(2);
    const merged = client.AggregatorRegistry.aggregate(perProcess);
    const text = await merged.metrics();
    const count = text.split("\n").find((l) => l.startsWith("ratchet_http_request_duration_seconds_count") && l.includes('route="/api/health"'));
    expect(Number(count?.split(" ").at(-1))).toBe(5);
  });
});
