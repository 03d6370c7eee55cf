import { CronExpressionParser } from "cron-parser";
import { z } from "zod";

/** A now-test replays every current pattern: at most one an hour. */
export const MIN_SCHEDULE_GAP_MS = 60 * 60 * 1000;

/** The next `count` times the cron expression (UTC) fires after `from`; throws on an invalid expression. */
export function nextCronRuns(cron: string, from: Date, count = 1): Date[] {
  const expression = CronExpressionParser.parse(cron, { currentDate: from, tz: "UTC" });
  return Array.from({ length: count }, () => expression.next().toDate());
}

function cronProblem(cron: string): string | null {
  if (!cron.startsWith("@") && cron.split(/\s+/).length !== 5) return "must have five fields (minute hour day-of-month month day-of-week) or be an @alias";
  let runs: Date[];
  try {
    runs = nextCronRuns(cron, new Date(), 4);
  } catch (error) {
    return error instanceof Error ? error.message : "invalid cron expression";
  }
  for (let i = 1; i < runs.length; i++) if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_SCHEDULE_GAP_MS) return "must not fire more than once an hour";
  return null;
}

export const nowTestScheduleSchema = z
  .object({
    cron: z
      .string()
      .trim()
      .min(1, "is required")
      .max(100)
      .superRefine((cron, context) => {
        const problem = cronProblem(cron);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .describe("Cron expression in UTC, five fields (e.g. \"0 6 * * 1\": Mondays 06:00) or @daily/@weekly"),
    enabled: z.boolean().describe("Off by default: nothing runs until switched on"),
  })
  .strict();
export type NowTestScheduleBody = z.infer<typeof nowTestScheduleSchema>;

export const DEFAULT_NOW_TEST_CRON = "0 6 * * 1";
