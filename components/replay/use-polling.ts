"use client";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api-client/api-fetch";

/** Fetches `path` now and again every `intervalMs` while `active(data)` says so (≥ 10 s otherwise). */
export function usePolling<T>(path: string | null, intervalMs: number, active: (data: T | undefined) => boolean): T | undefined {
  const [data, setData] = useState<T>();
  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: T | undefined;
    const tick = async () => {
      try {
        latest = await apiFetch<T>(path);
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
    // `active` is a predicate over data; re-subscribing when its identity changes would restart polling on every render.
  }, [path, intervalMs]);
  return data;
}
