import type { ReactNode } from "react";

/** The narrow centred card of the signed-out pages (sign-in, setup, invite). */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto mt-8 w-full max-w-md sm:mt-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
    </div>
  );
}
