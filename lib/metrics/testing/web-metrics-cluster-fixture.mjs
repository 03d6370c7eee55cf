// A node:cluster of two processes using lib/metrics/web-metrics.mjs as
// scripts/serve-next.mjs does: the first observes 3 requests, the second 2, then
// the first collects every process's metrics through the primary, which prints
// them (JSON) and exits. Run by web-metrics.test.ts.
import cluster from "node:cluster";
import { answerClusterMetricsRequests, collectWebMetrics, observeRequest, relayClusterMetricsRequests } from "../web-metrics.mjs";

if (cluster.isPrimary) {
  relayClusterMetricsRequests();
  const workers = [cluster.fork({ OBSERVE: "3" }), cluster.fork({ OBSERVE: "2" })];
  let ready = 0;
  cluster.on("message", (worker, message) => {
    if (message?.type === "fixture:ready" && ++ready === workers.length) workers[0].send({ type: "fixture:collect" });
    if (message?.type === "fixture:collected") {
      console.log(JSON.stringify(message.metrics));
      for (const w of workers) w.kill();
      process.exit(0);
    }
  });
  setTimeout(() => process.exit(3), 20_000).unref();
} else {
  answerClusterMetricsRequests();
  for (let i = 0; i < Number(process.env.OBSERVE); i++) observeRequest({ method: "GET", route: "/api/health", status: 200, seconds: 0.01 });
  process.on("message", async (message) => {
    if (message?.type === "fixture:collect") process.send({ type: "fixture:collected", metrics: await collectWebMetrics() });
  });
  process.send({ type: "fixture:ready" });
}
