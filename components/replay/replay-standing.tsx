import type { ModelVersionStanding } from "@/lib/results/get-model-version-standing";

const SEGMENTS = [
  { key: "passed", label: "pass", bar: "bg-emerald-500" },
  { key: "failed", label: "fail", bar: "bg-rose-500" },
  { key: "errored", label: "error", bar: "bg-amber-500" },
  { key: "awaitingGrade", label: "awaiting grade", bar: "bg-sky-400" },
  { key: "replaying", label: "replaying", bar: "bg-sky-200" },
  { key: "notReplayed", label: "not replayed", bar: "bg-slate-300" },
] as const;

/** The version's standing over all current patterns: one bar, the count of each verdict in words, and stale results called out. */
export function ReplayStanding({ standing }: { standing: ModelVersionStanding }) {
  const { patterns } = standing;
  const share = (n: number) => (patterns ? `${(n / patterns) * 100}%` : "0%");
  const shown = SEGMENTS.filter((s) => s.key === "passed" || s.key === "failed" || s.key === "errored" || standing[s.key] > 0);
  return (
    <section aria-labelledby="standing-heading" className="space-y-2" data-testid="replay-standing">
      <h3 id="standing-heading" className="flex items-baseline justify-between text-sm font-medium text-slate-900">
        <span>Standing</span>
        <span className="font-normal tabular-nums text-slate-600">
          over {patterns} current pattern{patterns === 1 ? "" : "s"}
        </span>
      </h3>
      {patterns > 0 ? (
        <div className="flex h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden="true">
          {SEGMENTS.map((s) => (
            <div key={s.key} className={s.bar} style={{ width: share(standing[s.key]) }} />
          ))}
        </div>
      ) : null}
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs tabular-nums text-slate-700">
        {shown.map((s) => (
          <span key={s.key} data-testid="standing-count" className={s.key === "notReplayed" || s.key === "errored" ? "font-medium text-amber-900" : undefined}>
            {standing[s.key]} {s.label}
          </span>
        ))}
        <span className="text-slate-500">of {patterns}</span>
      </p>
      {standing.stale > 0 ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950">
          <span aria-hidden="true">⚠ </span>
          <strong>{standing.stale} stale</strong> — made with an earlier connector configuration. Replay to refresh them.
        </p>
      ) : null}
    </section>
  );
}
