import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readWebLoad, requestEnded, requestStarted } from "./web-load.mjs";

describe("web load (average requests in flight)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["performance"] });
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("ratchet.webLoad")];
  });
  afterEach(() => vi.useRealTimers());

  it("is unknown in a process that records no requests", () => {
    expect(readWebLoad(0)).toBeNull();
  });

  it("integrates requests in flight over the time since the last reading, and is read at most once per interval", () => {
    requestStarted();
    readWebLoad(0); // start of the reading window
    vi.advanceTimersByTime(500);
    requestStarted(); // two in flight for 500 ms
    vi.advanceTimersByTime(500);
    requestEnded();
    requestEnded();
    expect(readWebLoad(1_000)).toBeCloseTo(1.5); // (1 × 500 + 2 × 500) / 1000
    vi.advanceTimersByTime(400);
    expect(readWebLoad(1_000)).toBeNull(); // too soon
    vi.advanceTimersByTime(600);
    expect(readWebLoad(1_000)).toBe(0);
  });

  it("never counts below zero requests in flight", () => {
    requestStarted();
    requestEnded();
    requestEnded();
    readWebLoad(0);
    vi.advanceTimersByTime(1_000);
    expect(readWebLoad()).toBe(0);
  });
});
