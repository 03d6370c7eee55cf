import "server-only";
import type { WorkerWorkload } from "@/lib/jobs/start-worker";
import { runDueNowTests } from "@/lib/now-tests/run-due-now-tests";
import { checkAfterRelease } from "./check-after-release";
import { dispatchWebhookDeliveries } from "./dispatch-webhook-deliveries";
import { processRunFinishes } from "./process-run-finishes";
import { webhookDeliveryJob, type WebhookRetrySettings } from "./webhook-delivery-job";

export type AlertsWorkloadOptions = WebhookRetrySettings & {
  /** Backstop of the finished-run and delivery sweeps (default 5 min; a NOTIFY from their tables' triggers runs them at once, and so does every LISTEN reconnect) and the schedule sweep's pace (default 60 s). */
  intervalMs?: number;
};

/** NOTIFYed by triggers on replay_run_finishes and webhook_deliveries (migration 20261203130000_alerts_notify). */
export const RUN_FINISHES_CHANNEL = "ratchet_run_finishes";
export const WEBHOOK_DELIVERIES_CHANNEL = "ratchet_webhook_deliveries";
/** Now-test schedules are cron expressions at most hourly: a look every minute starts one within a minute of its time. */
const SCHEDULE_SWEEP_MS = 60_000;
/** Capture drift is judged by week and model age by day: a look every 10 minutes alerts well within either. */
/** The NOTIFY-woken sweeps' backstop, for a notification lost without the connection dropping (a reconnect sweeps anyway). */
export const NOTIFIED_SWEEP_BACKSTOP_MS = 300_000;
const AFTER_RELEASE_SWEEP_MS = 600_000;

/** What a worker runs after the release: finished runs → events, deliveries → jobs, the delivery job, due now-test schedules, drift and model-age checks. */
export function alertsWorkload(options: AlertsWorkloadOptions = {}): WorkerWorkload {
  const job = webhookDeliveryJob(options);
  const intervalMs = options.intervalMs ?? NOTIFIED_SWEEP_BACKSTOP_MS;
  const scheduleIntervalMs = options.intervalMs ?? SCHEDULE_SWEEP_MS;
  return {
    jobs: [job],
    sweeps: [
      { name: "run-finish-events", intervalMs, channel: RUN_FINISHES_CHANNEL, run: async () => processRunFinishes() },
      { name: "webhook-dispatch", intervalMs, channel: WEBHOOK_DELIVERIES_CHANNEL, run: async (queue) => dispatchWebhookDeliveries(queue, job) },
      { name: "now-test-schedules", intervalMs: scheduleIntervalMs, run: async () => runDueNowTests() },
      // Returns 0 even when it fired: the events are new rows, not more of this sweep's work.
      { name: "after-release-checks", intervalMs: options.intervalMs ?? AFTER_RELEASE_SWEEP_MS, run: async () => (await checkAfterRelease(), 0) },
    ],
  };
}
