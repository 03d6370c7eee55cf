import { afterEach, describe, expect, it, vi } from "vitest";
import { handleStopSignals } from "./handle-stop-signals";

describe("handleStopSignals", () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    vi.useRealTimers();
  });

  it("stops on the first signal, ignores the copies that arrive with it, and forces on a later one", () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    dispose = handleStopSignals({ stop: (s) => calls.push(`stop ${s}`), force: (s) => calls.push(`force ${s}`) });
    process.emit("SIGTERM", "SIGTERM");
    vi.advanceTimersByTime(800); // npm forwarding the group's signal again, late on a loaded machine
    process.emit("SIGTERM", "SIGTERM");
    process.emit("SIGINT", "SIGINT");
    expect(calls).toEqual(["stop SIGTERM"]);
    vi.advanceTimersByTime(1_500); // 2.3 s after the first
    process.emit("SIGINT", "SIGINT");
    expect(calls).toEqual(["stop SIGTERM", "force SIGINT"]);
  });
});
