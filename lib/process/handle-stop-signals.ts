// How Ratchet's processes (npm start, npm run worker) take SIGTERM and SIGINT:
// the first asks for a graceful stop, a later one forces an immediate exit.
// A repeat within REPEAT_WINDOW_MS is the same request arriving by another
// route and is ignored: `kill -- -PGID`, systemd and Ctrl-C signal every
// process of the group, and npm forwards the signal again to its child.

const REPEAT_WINDOW_MS = 2_000;

export type StopSignal = "SIGINT" | "SIGTERM";

/** Installs the handlers; returns a function that removes them. */
export function handleStopSignals(handlers: { stop(signal: StopSignal): void; force(signal: StopSignal): void }): () => void {
  let firstAt: number | undefined;
  const listener = (signal: StopSignal) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      handlers.stop(signal);
    } else if (Date.now() - firstAt >= REPEAT_WINDOW_MS) {
      handlers.force(signal);
    }
  };
  process.on("SIGINT", listener);
  process.on("SIGTERM", listener);
  return () => {
    process.off("SIGINT", listener);
    process.off("SIGTERM", listener);
  };
}

/** The exit status of a process ended by `signal` (130, 143), as a shell reports it. */
export function signalExitCode(signal: StopSignal): number {
  return signal === "SIGINT" ? 130 : 143;
}
