import { describe, expect, it } from "vitest";
import { nextCronRuns, nowTestScheduleSchema } from "./now-test-schedule.schema";

describe("now-test schedule", () => {
  it("computes the next runs of a cron expression in UTC", () => {
    expect(nextCronRuns("0 6 * * 1", new Date("2026-12-03T10:00:00Z"), 2).map((d) => d.toISOString())).toEqual(["2026-12-07T06:00:00.000Z", "2026-12-14T06:00:00.000Z"]);
  });

  it("accepts five fields or an alias, at most hourly; refuses the rest at body.cron", () => {
    expect(nowTestScheduleSchema.safeParse({ cron: "0 * * * *", enabled: true }).success).toBe(true);
    expect(nowTestScheduleSchema.safeParse({ cron: "@daily", enabled: false }).success).toBe(true);
    for (const cron of ["*/5 * * * *", "0 0 6 * * 1", "61 * * * *", "tomorrow"]) {
      const parsed = nowTestScheduleSchema.safeParse({ cron, enabled: true });
      expect(parsed.success, cron).toBe(false);
      expect(parsed.error?.issues[0]?.path, cron).toEqual(["cron"]);
    }
  });
});
