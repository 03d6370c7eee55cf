"use client";
import { Button, useFocusWhenShown } from "@/components/ui/form-controls";

type ConflictNoticeProps = {
  message: string;
  /** Their values for the fields that differ from what this form started with. */
  theirs: { label: string; value: string }[];
  onReload: () => void;
};

/** 409 on an edit: who changed it, what they set, and a way to start again from their version. */
export function ConflictNotice({ message, theirs, onReload }: ConflictNoticeProps) {
  const ref = useFocusWhenShown<HTMLDivElement>(message);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600">
      <p className="font-medium">{message}. Your changes were not saved.</p>
      {theirs.length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {theirs.map((t) => (
            <div key={t.label} className="contents">
              <dt className="text-amber-900">{t.label}</dt>
              <dd className="break-words font-medium">{t.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Button type="button" tone="secondary" onClick={onReload}>
        Reload their version
      </Button>
    </div>
  );
}
