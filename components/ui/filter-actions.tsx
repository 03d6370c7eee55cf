import Link from "next/link";

/** Apply / Clear buttons of a GET filter form; Clear goes back to the unfiltered page. */
export function FilterActions({ clearHref, active }: { clearHref: string; active: boolean }) {
  return (
    <div className="flex items-center gap-3">
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      {active ? (
        <Link href={clearHref} className="text-sm font-medium text-blue-700 hover:underline">
          Clear
        </Link>
      ) : null}
    </div>
  );
}
