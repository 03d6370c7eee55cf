import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  /** Small line above the title (an id, a key, a breadcrumb). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
};

export function PageHeader({ title, eyebrow, description, actions }: PageHeaderProps) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {eyebrow ? <div className="mb-1 text-sm text-slate-600">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 text-balance [overflow-wrap:anywhere]">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600 text-pretty [overflow-wrap:anywhere]">{description}</p> : null}
      </div>
      {actions ? <div className="flex max-w-full shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
