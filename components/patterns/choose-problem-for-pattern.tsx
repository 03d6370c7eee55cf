import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";

/** The new-pattern page without a problem: a pattern always belongs to one, so pick it first. */
export function ChooseProblemForPattern({ project, problems }: { project: { slug: string }; problems: { id: string; key: string; title: string }[] }) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New pattern" description="Which problem is this pattern an example of?" />
      {problems.length === 0 ? (
        <EmptyState title="No problems logged yet">Log a problem first; patterns are examples of a problem.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {problems.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${project.slug}/patterns/new?problem=${encodeURIComponent(p.key)}`} className="block px-4 py-3 hover:bg-slate-50">
                <span className="font-semibold text-blue-700">{p.key}</span> <span className="text-slate-800">{p.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6">
        <Link href={`/projects/${project.slug}/problems`} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </p>
    </div>
  );
}
