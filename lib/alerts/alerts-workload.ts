import "server-only";
import type { WorkerWorkload } from "@/lib/jobs/start-worker";
import { runDueNowTests } from "@/lib/now-tests/run-due-now-tests";
import { dispatchWebhookDeliveries } from "./dispatch-webhook-deliveries";
import { processRunFinishes } from "./process-run-finishes";
import { webhookDeliveryJob, type WebhookRetrySettings } from "./webhook-delivery-job";

export type AlertsWorkloadOptions = WebhookRetrySettings & {
  /** How often the sweeps look for finished runs, deliveries and due schedules. */
  intervalMs?: number;
};

/** What a worker runs after the release: finished runs → events, deliveries → jobs, the delivery job, due now-test schedules. */
export function alertsWorkload(options: AlertsWorkloadOptions = {}): WorkerWorkload {
  const job = webhookDeliveryJob(options);
  const intervalMs = options.intervalMs ?? 1000;
  return {
    jobs: [job],
    sweeps: [
      { name: "run-finish-events", intervalMs, run: async () => processRunFinishes() },
      { name: "webhook-dispatch", intervalMs, run: async (queue) => dispatchWebhookDeliveries(queue, job) },
      { name: "now-test-schedules", intervalMs: Math.max(intervalMs, 15_000), run: async () => runDueNowTests() },
    ],
  };
}
