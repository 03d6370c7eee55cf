import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ImportPatternsForm } from "./import-patterns-form";

type ImportContext = { key: string; title: string } | null;

/**
 * Bulk import: the form, the formats in brief, and example files to start from.
 * Opened from a problem (`?problem=SENT-1`), the breadcrumb and the way back lead to that problem.
 */
export function ImportPatternsPage({ project, problem }: { project: { id: string; slug: string; name: string }; problem: ImportContext }) {
  const problemsHref = `/projects/${project.slug}/problems`;
  const back = problem ? { href: `${problemsHref}/${encodeURIComponent(problem.key)}`, label: problem.key } : { href: problemsHref, label: "the problems" };
  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1">
            <Link href={problemsHref} className="hover:underline">
              Problems
            </Link>
            {problem ? (
              <>
                <span aria-hidden="true">/</span>
                <Link href={back.href} className="hover:underline">
                  {problem.key} {problem.title}
                </Link>
              </>
            ) : null}
          </nav>
        }
        title="Import patterns"
        description="Add many patterns at once from a CSV or JSONL file. Every row is checked first; the import is all or nothing."
        actions={
          <Link href={back.href} className="text-sm font-medium text-blue-700 hover:underline">
            Back to {back.label}
          </Link>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ImportPatternsForm project={project} back={back} />
        </div>
        <Card title="File format">
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              <span className="font-medium text-slate-900">CSV</span>: a header row, then one pattern per row. Columns <code className="font-mono text-xs">problem</code> (its key),{" "}
              <code className="font-mono text-xs">name</code>, <code className="font-mono text-xs">purpose</code>, <code className="font-mono text-xs">origin</code>,{" "}
              <code className="font-mono text-xs">input</code> (JSON, or plain text with <code className="font-mono text-xs">input_kind</code> = text),{" "}
              <code className="font-mono text-xs">expectation</code> (JSON) or the shorthand <code className="font-mono text-xs">expect_kind</code> +{" "}
              <code className="font-mono text-xs">expect_value</code> (+ <code className="font-mono text-xs">expect_k</code>, <code className="font-mono text-xs">expect_abs</code>,{" "}
              <code className="font-mono text-xs">expect_rel</code>), <code className="font-mono text-xs">notes</code>.
            </p>
            <p>
              <span className="font-medium text-slate-900">JSONL</span>: one JSON object per line with <code className="font-mono text-xs">problem</code>, <code className="font-mono text-xs">name</code>,{" "}
              <code className="font-mono text-xs">purpose</code>, <code className="font-mono text-xs">origin</code>, <code className="font-mono text-xs">inputKind</code>,{" "}
              <code className="font-mono text-xs">input</code>, <code className="font-mono text-xs">expectation</code>, <code className="font-mono text-xs">notes</code> — the same format as the export.
            </p>
            <p>Images: upload them on a pattern first; a file refers to them by id or sha256.</p>
            <ul className="space-y-1">
              <li>
                <a href="/examples/patterns-example.csv" download className="font-medium text-blue-700 hover:underline">
                  Example CSV
                </a>
              </li>
              <li>
                <a href="/examples/patterns-example.jsonl" download className="font-medium text-blue-700 hover:underline">
                  Example JSONL
                </a>
              </li>
              <li>
                <a href={`/api/v1/projects/${project.id}/patterns/export`} download className="font-medium text-blue-700 hover:underline">
                  Export this project&apos;s patterns (JSONL)
                </a>
              </li>
            </ul>
          </div>
        </Card>
      </div>
    </>
  );
}
