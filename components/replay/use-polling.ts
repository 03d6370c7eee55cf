"use client";
import { useEffect, useState } from "react";

/**
 * Calls `load` now and again every `intervalMs` while `active(data)` says so
 * (≥ 4 s otherwise). `key` names what is polled: polling restarts when it
 * changes, and a null key polls nothing.
 */
export function usePolling<T>(key: string | null, load: () => Promise<T>, intervalMs: number, active: (data: T | undefined) => boolean): T | undefined {
  const [data, setData] = useState<T>();
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: T | undefined;
    const tick = async () => {
      try {
        latest = await load();
        if (!cancelled) setData(latest);
      } catch {
        // Keep the last answer; the next poll tries again.
      }
      if (!cancelled) timer = setTimeout(tick, active(latest) ? intervalMs : Math.max(intervalMs, 4_000));
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `load` and `active` are new closures on every render over what `key` names; re-subscribing on their identity would restart polling each time.
  }, [key, intervalMs]);
  return data;
}
