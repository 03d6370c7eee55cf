import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { PatternEditor, type EditablePattern } from "./pattern-editor";

type Props = {
  project: { id: string; slug: string; outputKind: "label" | "number" | "text" | "json"; labels: string[] };
  problem: { id: string; key: string; title: string };
  pattern?: EditablePattern;
};

export function PatternEditorPage({ project, problem, pattern }: Props) {
  const base = `/projects/${project.slug}`;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1">
            <Link href={`${base}/problems/${encodeURIComponent(problem.key)}`} className="hover:underline">
              {problem.key} {problem.title}
            </Link>
            {pattern ? (
              <>
                <span aria-hidden="true">/</span>
                <Link href={`${base}/patterns/${pattern.id}`} className="hover:underline">
                  {pattern.name}
                </Link>
              </>
            ) : null}
          </nav>
        }
        title={pattern ? `Edit pattern (revision ${pattern.revision})` : "New pattern"}
      />
      <PatternEditor project={project} problem={problem} pattern={pattern} />
    </div>
  );
}
