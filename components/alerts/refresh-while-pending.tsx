"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Refreshes the page's server data every `intervalMs` while `pending` (a delivery waiting for its attempt). */
export function RefreshWhilePending({ pending, intervalMs = 2000 }: { pending: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [pending, intervalMs, router]);
  return null;
}
