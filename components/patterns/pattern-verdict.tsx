import Link from "next/link";
import { MATRIX_STATUS_STYLE } from "@/components/problems/matrix-status-style";
import type { PatternVerdictColumn } from "@/lib/results/pattern-verdict-columns";
import type { MatrixCell } from "@/lib/results/pattern-version-matrix";

const ROLE_WORDS: Record<PatternVerdictColumn["role"], string> = { production: "★ Production", latest: "Latest", "production and latest": "★ Production (latest)" };

/** "★ Production sentiment 2.1", "Latest sentiment 3.0": a verdict column's heading, naming its version. */
export function verdictColumnLabel(column: PatternVerdictColumn): string {
  return `${ROLE_WORDS[column.role]} ${column.modelVersion.name} ${column.modelVersion.version}`;
}

export type PatternVerdictCell = Pick<MatrixCell, "status" | "resultId">;

/** A pattern's verdict on one version as glyph and word (never colour alone), linking to the result when there is one. */
export function PatternVerdict({ cell, base }: { cell: PatternVerdictCell | undefined; base: string }) {
  const style = MATRIX_STATUS_STYLE[cell?.status ?? "none"];
  const content = (
    <>
      <span aria-hidden="true">{style.glyph} </span>
      {style.word}
    </>
  );
  if (!cell?.resultId) return <span className="text-slate-500">{content}</span>;
  const tone = cell.status === "pass" ? "text-emerald-800" : cell.status === "fail" ? "text-red-800" : cell.status === "error" ? "text-amber-900" : "text-violet-800";
  return (
    <Link href={`${base}/results/${cell.resultId}`} className={`font-medium hover:underline ${tone}`}>
      {content}
    </Link>
  );
}
