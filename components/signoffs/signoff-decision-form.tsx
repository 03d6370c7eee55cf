"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { TextArea } from "@/components/problems/text-area";
import { Button, FormError } from "@/components/ui/form-controls";
import { createSignoff } from "@/lib/api-client/signoffs";

type SignoffDecisionFormProps = {
  problem: { id: string; key: string };
  modelVersionId: string;
  /** Why it cannot be signed off yet; the buttons are disabled and the reason shown. */
  incomplete: string | null;
  /** Thin or uncertain evidence, said in words next to the buttons. */
  thin: string | null;
};

/** Approve / Reject with a comment for one problem: one POST /problems/{id}/signoffs, then the sheet reloads. */
export function SignoffDecisionForm({ problem, modelVersionId, incomplete, thin }: SignoffDecisionFormProps) {
  const router = useRouter();
  const form = useApiForm();
  const [comment, setComment] = useState("");
  const id = useId();

  function decide(decision: "approve" | "reject") {
    void form.run(async () => {
      await createSignoff(problem.id, { modelVersionId, decision, comment });
      setComment("");
      router.refresh();
    });
  }

  return (
    <div className="w-full space-y-2 md:w-64" data-testid={`decide-${problem.key}`}>
      <label htmlFor={id} className="sr-only">
        Comment on {problem.key}
      </label>
      <TextArea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Comment (optional)" maxLength={4000} disabled={Boolean(incomplete)} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={form.pending || Boolean(incomplete)} onClick={() => decide("approve")} aria-label={`Approve ${problem.key}`}>
          Approve
        </Button>
        <Button type="button" tone="danger" disabled={form.pending || Boolean(incomplete)} onClick={() => decide("reject")} aria-label={`Reject ${problem.key}`}>
          Reject
        </Button>
      </div>
      {incomplete ? <p className="text-xs text-amber-900">Not yet: {incomplete}.</p> : null}
      {thin ? <p className="text-xs text-amber-900">{thin}</p> : null}
      <FormError message={form.error?.message} />
    </div>
  );
}
