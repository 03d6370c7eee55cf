import Link from "next/link";
import { MainContent } from "@/components/layout/main-content";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ProjectSummary } from "@/lib/projects/list-projects";

function noun(n: number, singular: string, plural: string) {
  return n === 1 ? singular : plural;
}

export function ProjectsPage({ projects }: { projects: ProjectSummary[] }) {
  return (
    <MainContent>
      <PageHeader title="Projects" description="Each project is one ML task with its own problems, patterns and model versions." />
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">Create a project through the API, or start Ratchet with the demo data.</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <li key={project.id}>
              <Link
                href={`/projects/${project.slug}`}
                className="group flex h-full flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-300 hover:shadow"
              >
                <div className="flex items-start justify-between gap-2">
                  <h2 className="font-semibold text-slate-900 group-hover:text-blue-700">{project.name}</h2>
                  <Badge>{project.outputKind}</Badge>
                </div>
                {project.description ? (
                  <p className="mt-1 line-clamp-3 text-sm text-slate-600">{project.description}</p>
                ) : null}
                <dl className="mt-auto flex gap-6 pt-4 text-sm">
                  <div>
                    <dt className="sr-only">Problems</dt>
                    <dd className="text-slate-700">
                      <span className="font-semibold text-slate-900">{project._count.problems}</span>{" "}
                      {noun(project._count.problems, "problem", "problems")}
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
              </Link>
            </li>
          ))}
        </ul>
      )}
    </MainContent>
  );
}
