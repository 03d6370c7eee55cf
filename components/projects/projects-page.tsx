import Link from "next/link";
import { MainContent } from "@/components/layout/main-content";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ProjectSummary } from "@/lib/projects/list-projects";

function noun(n: number, singular: string, plural: string) {
  return n === 1 ? singular : plural;
}

const buttonLink = "inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800";

export function ProjectsPage({ projects, canWrite }: { projects: ProjectSummary[]; canWrite: boolean }) {
  return (
    <MainContent>
      <PageHeader
        title="Projects"
        description="Each project is one ML task with its own problems, patterns and model versions."
        actions={
          canWrite ? (
            <Link href="/projects/new" className={buttonLink}>
              New project
            </Link>
          ) : null
        }
      />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          {canWrite ? "Create the first project: one per ML task." : "Ask an engineer or an admin to create one."}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <li key={project.id} className="relative flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-300 hover:shadow">
              <div className="flex items-start justify-between gap-2">
                <h2 className="min-w-0 font-semibold text-slate-900 [overflow-wrap:anywhere]">
                  {/* The whole card is the link's hit area; the settings link sits above it. */}
                  <Link href={`/projects/${project.slug}`} className="after:absolute after:inset-0 hover:text-blue-700">
                    {project.name}
                  </Link>
                </h2>
                <Badge>{project.outputKind}</Badge>
              </div>
              {project.description ? <p className="mt-1 line-clamp-3 text-sm text-slate-600 [overflow-wrap:anywhere]">{project.description}</p> : null}
              <div className="mt-auto flex items-end justify-between gap-4 pt-4 text-sm">
                <dl className="flex gap-6">
                  <div>
                    <dt className="sr-only">Problems</dt>
                    <dd className="text-slate-700">
                      <span className="font-semibold text-slate-900">{project._count.problems}</span> {noun(project._count.problems, "problem", "problems")}
                    </dd>
                  </div>
                  <div>
                    <dt className="sr-only">Model versions</dt>
                    <dd className="text-slate-700">
                      <span className="font-semibold text-slate-900">{project._count.modelVersions}</span>{" "}
                      {noun(project._count.modelVersions, "model version", "model versions")}
                    </dd>
                  </div>
                </dl>
                {canWrite ? (
                  <Link href={`/projects/${project.slug}/settings`} className="relative z-10 text-sm font-medium text-slate-600 hover:text-blue-700 hover:underline">
                    Settings<span className="sr-only"> of {project.name}</span>
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </MainContent>
  );
}
