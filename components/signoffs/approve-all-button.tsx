"use client";
import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, FormError } from "@/components/ui/form-controls";
import { createSignoffBatch } from "@/lib/api-client/signoffs";

type ApproveAllButtonProps = {
  modelVersionId: string;
  problems: { id: string; key: string }[];
};

/** One action, one record per problem (POST /models/{id}/signoffs, all or nothing). */
export function ApproveAllButton({ modelVersionId, problems }: ApproveAllButtonProps) {
  const router = useRouter();
  const form = useApiForm();
  const keys = problems.map((p) => p.key).join(", ");

  function approveAll() {
    if (!window.confirm(`Approve ${problems.length} ${problems.length === 1 ? "problem" : "problems"} (${keys})? One sign-off is recorded per problem.`)) return;
    void form.run(async () => {
      await createSignoffBatch(modelVersionId, {
        items: problems.map((p) => ({ problemId: p.id, decision: "approve", comment: "Meets its target with no significant regression." })),
      });
      router.refresh();
    });
  }

  return (
    <div className="space-y-1">
      <Button type="button" disabled={form.pending || problems.length === 0} onClick={approveAll}>
        Approve every problem that meets its target ({problems.length})
      </Button>
      <p className="text-xs text-slate-600">
        {problems.length ? `At or under target, no significant regression, replay complete, not yet approved: ${keys}.` : "No problem left that meets its target without a current approval."}
      </p>
      <FormError message={form.error?.message} />
    </div>
  );
}
