"use client";
import { useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { buttonClass, type ButtonTone } from "./button-class";

// Form pieces shared by every form: a label above, the field's error below and
// linked with aria-describedby, so screen readers read the error with the field.

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";

export function TextInput({ invalid, className = "", ...props }: ComponentPropsWithoutRef<"input"> & { invalid?: boolean }) {
  return <input {...props} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${props.id}-error` : undefined} className={`${inputClass} ${className}`} />;
}

export function Select({ className = "", ...props }: ComponentPropsWithoutRef<"select">) {
  return <select {...props} className={`${inputClass} ${className}`} />;
}

export function Button({ tone = "primary", className = "", ...props }: ComponentPropsWithoutRef<"button"> & { tone?: ButtonTone }) {
  return <button {...props} className={`${buttonClass(tone)} ${className}`} />;
}

/** A ref that takes the focus whenever `shown` becomes truthy (an error summary or notice that just appeared; give it tabIndex={-1}). */
export function useFocusWhenShown<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

/**
 * The form's error summary. It takes the focus when it appears: the submit
 * button was disabled while the request ran, so the focus would otherwise drop
 * to the page body and a keyboard or screen-reader user would not know where the error is.
 */
export function FormError({ message }: { message?: string | null }) {
  const ref = useFocusWhenShown<HTMLDivElement>(message);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600">
      {message}
    </div>
  );
}

/**
 * The error of a small control that is not a form (a role select, a one-click
 * Revoke, a status button, "Replay now"): shown beside it, announced (role=alert)
 * and given the focus, since the control was disabled while its request ran
 * and the focus would otherwise drop to the page body.
 */
export function InlineError({ message, className = "text-sm" }: { message?: string | null; className?: string }) {
  const ref = useFocusWhenShown<HTMLSpanElement>(message);
  if (!message) return null;
  // A span (shown as a block), so it may sit inside the inline wrappers of small controls.
  return (
    <span ref={ref} tabIndex={-1} role="alert" className={`block rounded text-red-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 ${className}`}>
      {message}
    </span>
  );
}

/** The summary for an API error: its message, or, when it names fields, a pointer to their messages. */
export function formErrorMessage(error: { message: string; status: number; fields: readonly unknown[] } | null | undefined): string | null {
  if (!error) return null;
  return error.fields.length && error.status < 500 ? "Some fields need attention: see the messages below." : error.message;
}

/**
 * "Saved." after a save, announced (role=status), until the next edit: the
 * region is always rendered, so screen readers hear the text when it appears.
 */
export function SavedStatus({ saved, children = "Saved." }: { saved: boolean; children?: ReactNode }) {
  return (
    <span role="status" className="text-sm text-emerald-800">
      {saved ? children : null}
    </span>
  );
}
