import { describe, expect, it } from "vitest";
import { mondayOf } from "@/lib/captures/week-start";
import { measureOutputShift } from "@/lib/stats/measure-output-shift";
import { buildDemoCaptures, DEMO_CAPTURE_WEEKS } from "./demo-captures";
import { DEMO_PROBLEMS } from "./demo-project";
import { findDemoModelVersion, predictSentiment } from "./sentiment-model";


function counts(labels: string[]) {
  const map = new Map<string, number>();
  for (const label of labels) map.set(label, (map.get(label) ?? 0) + 1);
  return map;
}

// A Monday morning, a Thursday and a Sunday night: the demo weeks fall differently on the chart's Monday weeks.
describe.each(["2026-11-23T08:00:00Z", "2026-11-26T15:00:00Z", "2026-11-29T23:00:00Z"])("buildDemoCaptures at %s", (at) => {
  const NOW = new Date(at);
  const captures = buildDemoCaptures(NOW);
  const production = findDemoModelVersion("2.1")!;
  const reference = { kind: "categorical" as const, counts: counts(DEMO_PROBLEMS.flatMap((p) => p.patterns).map((p) => predictSentiment(production, p.text).label)) };
  const byWeek = new Map<string, typeof captures>();
  for (const capture of captures) {
    const week = mondayOf(capture.createdAt).toISOString().slice(0, 10);
    byWeek.set(week, [...(byWeek.get(week) ?? []), capture]);
  }
  const shifts = [...byWeek].sort(([a], [b]) => a.localeCompare(b)).map(([week, list]) => ({ week, n: list.length, shift: measureOutputShift(reference, { kind: "categorical", counts: counts(list.map((c) => c.output)) }).value }));

  it("spans the weeks up to now, never later, with enough captures a week to measure a shift", () => {
    expect(captures.every((c) => c.createdAt <= NOW)).toBe(true);
    expect(captures[0]!.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - (DEMO_CAPTURE_WEEKS + 1) * 7 * 24 * 3600 * 1000);
    expect(shifts.length).toBeGreaterThanOrEqual(DEMO_CAPTURE_WEEKS);
    expect(shifts.filter((s) => s.n >= 5).length).toBeGreaterThanOrEqual(DEMO_CAPTURE_WEEKS - 1);
  });

  it("stays under the default 0.2 threshold in the calm weeks and crosses it in the latest", () => {
    const calm = shifts.slice(1, -3);
    expect(calm.length).toBeGreaterThanOrEqual(3);
    for (const week of calm) expect(week.shift, week.week).toBeLessThan(0.2);
    expect(shifts.at(-1)!.shift).toBeGreaterThan(0.2);
  });

  it("rates about two thirds of the captures, thumbs down where the production answer was wrong", () => {
    const rated = captures.filter((c) => c.rating !== null);
    expect(rated.length / captures.length).toBeGreaterThan(0.5);
    expect(rated.length / captures.length).toBeLessThan(0.8);
    expect(new Set(rated.map((c) => c.rating))).toEqual(new Set([1, -1]));
  });

  it("keeps only the current week's captures in the inbox", () => {
    const monday = mondayOf(NOW);
    for (const capture of captures) if (capture.status === "inbox") expect(NOW.getTime() - capture.createdAt.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
    expect(captures.some((c) => c.status === "inbox")).toBe(true);
    expect(captures.filter((c) => c.createdAt < monday).every((c) => c.status === "dismissed" || NOW.getTime() - c.createdAt.getTime() < 2 * 24 * 3600 * 1000)).toBe(true);
  });
});
