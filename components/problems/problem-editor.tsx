"use client";
import { useState } from "react";
import { Button } from "@/components/ui/form-controls";
import { ProblemForm, type ProblemFormValues } from "./problem-form";

/** The problem page's "Edit" button, opening the form in place. */
export function ProblemEditor(props: { projectId: string; projectSlug: string; owners: { id: string; name: string }[]; problem: ProblemFormValues }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" tone="secondary" onClick={() => setOpen(true)}>
        Edit problem
      </Button>
    );
  }
  return (
    <div className="w-full border-t border-slate-100 pt-4">
      <h2 className="mb-3 text-base font-semibold text-slate-900">Edit problem</h2>
      <ProblemForm {...props} initial={props.problem} onSaved={() => setOpen(false)} onCancel={() => setOpen(false)} />
    </div>
  );
}
