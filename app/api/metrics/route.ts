import { publicRoute } from "@/lib/api/api-route";
import { authorizeMetricsScrape } from "@/lib/metrics/authorize-metrics-scrape";
import { renderMetrics } from "@/lib/metrics/render-metrics";

export const dynamic = "force-dynamic";

/** Prometheus text format; Bearer RATCHET_METRICS_TOKEN or an API token with scope read (README → Operations). */
export const GET = publicRoute({}, async ({ request }) => {
  await authorizeMetricsScrape(request.headers);
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
