import Link from "next/link";
import type { ReactNode } from "react";

type EmptyStateProps = {
  title: string;
  /** Why it is empty and what fills it. */
  children?: ReactNode;
  /** The next step, as a link styled as a button; pass it only when the viewer's role may take that step. */
  action?: { href: string; label: string };
};

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-slate-600 text-pretty">{children}</div> : null}
      {action ? (
        <Link
          href={action.href}
          className="mt-4 inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
