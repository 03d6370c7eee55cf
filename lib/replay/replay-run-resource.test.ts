import { describe, expect, it } from "vitest";
import { toReplayRunResource } from "./replay-run-resource";

const base = {
  id: "r1", projectId: "p1", modelVersionId: "m1", trigger: "manual" as const, status: "running" as const, error: null,
  total: 100, passed: 30, failed: 10, errored: 5, ungraded: 5, createdAt: new Date(0), finishedAt: null,
};

describe("toReplayRunResource", () => {
  it("derives pending, rate and ETA from the counts and the start time", () => {
    const view = toReplayRunResource({ ...base, startedAt: new Date(0) }, new Date(10_000));
    expect(view.pending).toBe(50);
    expect(view.rate).toBe(5);
    expect(view.etaSeconds).toBe(10);
  });
  it("has no rate before it starts and no ETA once finished", () => {
    expect(toReplayRunResource({ ...base, startedAt: null }).rate).toBeNull();
    const done = toReplayRunResource({ ...base, passed: 80, status: "completed", startedAt: new Date(0), finishedAt: new Date(4_000) });
    expect(done).toMatchObject({ pending: 0, etaSeconds: 0, rate: 25 });
  });
});
