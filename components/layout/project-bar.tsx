import Link from "next/link";
import { ActiveReplaysIndicator } from "@/components/replay/active-replays-indicator";
import { NavLink } from "./nav-link";
import { ProjectTabs } from "./project-tabs";

type ProjectBarProps = {
  project: { id: string; slug: string; name: string };
  projects: { slug: string; name: string }[];
  /** Whether this user may grade outputs (the Grading tab). */
  canGrade: boolean;
  /** Whether this user may change the project's settings (the Settings tab). */
  canEditSettings: boolean;
};

/** Breadcrumb with a project switcher, and the project's navigation. */
export function ProjectBar({ project, projects, canGrade, canEditSettings }: ProjectBarProps) {
  const base = `/projects/${project.slug}`;
  const others = projects.filter((p) => p.slug !== project.slug);
  return (
    <div className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-7xl px-4 sm:px-6">
        <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-2 pt-3 text-sm">
          <Link href="/" className="text-slate-600 hover:text-slate-900 hover:underline">
            Projects
          </Link>
          <span aria-hidden="true" className="text-slate-400">
            /
          </span>
          {others.length > 0 ? (
            <details className="group relative min-w-0">
              <summary className="flex cursor-pointer list-none items-center gap-1 rounded px-1 font-semibold text-slate-900 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
                <span className="min-w-0 [overflow-wrap:anywhere]">{project.name}</span>
                <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">
                  ▾
                </span>
                <span className="sr-only">switch project</span>
              </summary>
              <ul className="absolute left-0 z-20 mt-1 max-h-80 w-64 max-w-[calc(100vw-2rem)] overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
                {others.map((p) => (
                  <li key={p.slug}>
                    <Link href={`/projects/${p.slug}`} className="block px-3 py-2 text-slate-800 [overflow-wrap:anywhere] hover:bg-slate-100">
                      {p.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <span className="min-w-0 font-semibold text-slate-900 [overflow-wrap:anywhere]">{project.name}</span>
          )}
          <span className="ml-auto shrink-0 whitespace-nowrap">
            <ActiveReplaysIndicator projectId={project.id} />
          </span>
        </nav>
        <ProjectTabs>
          <NavLink href={base} exact>
            Dashboard
          </NavLink>
          <NavLink href={`${base}/problems`}>Problems</NavLink>
          <NavLink href={`${base}/models`}>Model versions</NavLink>
          <NavLink href={`${base}/captures`}>Captures</NavLink>
          {canGrade ? <NavLink href={`${base}/grading`}>Grading</NavLink> : null}
          {canEditSettings ? <NavLink href={`${base}/settings`}>Settings</NavLink> : null}
        </ProjectTabs>
      </div>
    </div>
  );
}
