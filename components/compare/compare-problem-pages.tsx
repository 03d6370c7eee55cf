import Link from "next/link";

/** The compare page lists this many problems (worst first) at a time; `?page=all` lists every one. */
export const COMPARE_PAGE_SIZE = 50;

export type ComparePageChoice = number | "all";

/** `?page=N` (1-based) or `?page=all`; anything else is the first page. */
export function parseComparePage(value: string | string[] | undefined): ComparePageChoice {
  if (value === "all") return "all";
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

/** The problems on the chosen page (a page past the end shows the last one) and which page that is. */
export function pageOfProblems<T>(problems: T[], choice: ComparePageChoice): { shown: T[]; page: ComparePageChoice; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(problems.length / COMPARE_PAGE_SIZE));
  if (choice === "all") return { shown: problems, page: "all", pageCount };
  const page = Math.min(choice, pageCount);
  return { shown: problems.slice((page - 1) * COMPARE_PAGE_SIZE, page * COMPARE_PAGE_SIZE), page, pageCount };
}

type Props = { base: string; baselineId: string; page: ComparePageChoice; pageCount: number; total: number };

/** "Problems 1–50 of 200 · Next 50 → · Show all 200 problems": shown only when there is more than one page. */
export function CompareProblemPages({ base, baselineId, page, pageCount, total }: Props) {
  if (pageCount <= 1) return null;
  const href = (to: ComparePageChoice) => `${base}?${new URLSearchParams({ baseline: baselineId, ...(to === 1 ? {} : { page: String(to) }) })}`;
  const link = "font-medium text-blue-700 hover:underline";
  if (page === "all") {
    return (
      <nav aria-label="Problem pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span>All {total} problems, worst first</span>
        <Link href={href(1)} className={link}>
          Show the worst {COMPARE_PAGE_SIZE} only
        </Link>
      </nav>
    );
  }
  const from = (page - 1) * COMPARE_PAGE_SIZE + 1;
  const to = Math.min(page * COMPARE_PAGE_SIZE, total);
  return (
    <nav aria-label="Problem pages" className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-slate-600">
      <span>
        Problems {from}–{to} of {total}, worst first
      </span>
      <span className="flex flex-wrap gap-x-4 gap-y-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link}>
            ← Previous {COMPARE_PAGE_SIZE}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={link}>
            Next {Math.min(COMPARE_PAGE_SIZE, total - to)} →
          </Link>
        ) : null}
        <Link href={href("all")} className={link}>
          Show all {total} problems
        </Link>
      </span>
    </nav>
  );
}
