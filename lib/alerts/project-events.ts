import { z } from "zod";

/** Every event a webhook can subscribe to (issue 14's names: other tools match on them). */
export const PROJECT_EVENTS = [
  "replay.completed",
  "replay.failed",
  "gate.changed",
  "problem.crossed_target",
  "now_test.changed_outputs",
  "signoff.stale",
  "captures.drift",
  "model.too_old",
] as const;

export const projectEventSchema = z.enum(PROJECT_EVENTS);
export type ProjectEventName = z.infer<typeof projectEventSchema>;

/** The event name of a "send test" delivery; not subscribable. */
export const TEST_EVENT = "webhook.test";

/** One line per event, for the settings page and Slack messages. */
export const PROJECT_EVENT_LABELS: Record<ProjectEventName, string> = {
  "replay.completed": "Replay completed",
  "replay.failed": "Replay failed",
  "gate.changed": "Gate decision changed",
  "problem.crossed_target": "Problem crossed its target",
  "now_test.changed_outputs": "Now-test found changed outputs",
  "signoff.stale": "Sign-off turned stale",
  "captures.drift": "Capture drift over threshold",
  "model.too_old": "Production model too old",
};
