"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { requestNowTest } from "@/lib/api-client/now-tests";
import { Button, InlineError } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

/** Starts a now-test; while one runs, the page's data is refreshed every 2 s until it finishes. */
export function RunNowTestButton({ modelVersionId, blockedReason, running }: { modelVersionId: string; blockedReason: string | null; running: boolean }) {
  const form = useApiForm();
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        tone="secondary"
        disabled={form.pending || running || blockedReason !== null}
        onClick={() =>
          void form.run(async () => {
            await requestNowTest(modelVersionId);
            router.refresh();
          })
        }
      >
        {running ? "Now-test running…" : form.pending ? "Starting…" : "Run a now-test"}
      </Button>
      {blockedReason ? <span className="text-sm text-slate-600">{blockedReason}</span> : null}
      <InlineError message={form.error?.message} />
    </div>
  );
}
