"use client";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client/api-fetch";
import { Button } from "@/components/ui/form-controls";
import { useApiForm } from "@/components/auth/use-api-form";

/** A one-click API call (revoke, delete) with a confirmation, refreshing the page's data after. */
export function ApiActionButton({ path, method = "DELETE", body, label, confirm, tone = "danger" }: { path: string; method?: string; body?: unknown; label: string; confirm?: string; tone?: "danger" | "secondary" }) {
  const form = useApiForm();
  const router = useRouter();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        tone={tone}
        disabled={form.pending}
        className="px-2 py-1 text-xs"
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          void form.run(async () => {
            await apiFetch(path, { method, body });
            router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {form.error ? <span className="text-xs text-red-700" role="alert">{form.error.message}</span> : null}
    </span>
  );
}
