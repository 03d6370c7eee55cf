import type { DiffLine } from "@/lib/patterns/diff-lines";

const lineStyle = {
  same: "text-slate-600",
  add: "bg-emerald-50 text-emerald-900",
  remove: "bg-red-50 text-red-900",
} as const;
const marker = { same: " ", add: "+", remove: "−" } as const;
const spoken = { same: "", add: "added: ", remove: "removed: " } as const;

/** A line diff as a unified listing: − removed, + added; the words are there for screen readers too. */
export function LineDiff({ lines, label }: { lines: DiffLine[]; label: string }) {
  return (
    <pre aria-label={label} className="max-h-80 overflow-auto rounded-md py-1 font-mono text-xs leading-relaxed ring-1 ring-inset ring-slate-200">
      {lines.map((line, i) => (
        <div key={i} className={`whitespace-pre-wrap break-words pl-7 pr-3 -indent-4 ${lineStyle[line.op]}`}>
          <span aria-hidden="true" className="mr-2 select-none">
            {marker[line.op]}
          </span>
          <span className="sr-only">{spoken[line.op]}</span>
          {line.text || " "}
        </div>
      ))}
    </pre>
  );
}
