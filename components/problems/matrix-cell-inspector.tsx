"use client";

import { useState, type ReactNode } from "react";

/**
 * Shows the hovered or focused matrix cell's description (verdict, output) in one
 * line under the matrix. Events are delegated: the cells themselves stay server-rendered
 * and carry their description in `aria-label`, so screen readers need none of this.
 */
export function MatrixCellInspector({ children, hint }: { children: ReactNode; hint: string }) {
  const [text, setText] = useState<string | null>(null);
  const inspect = (target: EventTarget) => {
    const cell = target instanceof Element ? target.closest("[data-matrix-cell]") : null;
    if (cell) setText(cell.getAttribute("aria-label"));
  };
  return (
    <div onMouseOver={(e) => inspect(e.target)} onFocus={(e) => inspect(e.target)}>
      {children}
      <p
        aria-hidden="true"
        data-testid="matrix-inspector"
        className="mt-2 min-h-[2.5rem] rounded-md bg-slate-50 px-3 py-2 text-sm break-words text-slate-800 ring-1 ring-inset ring-slate-200"
      >
        {text ?? <span className="text-slate-500">{hint}</span>}
      </p>
    </div>
  );
}
