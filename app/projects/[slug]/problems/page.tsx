import { ProblemsPage } from "@/components/problems/problems-page";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { ValidationError } from "@/lib/errors/domain-errors";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listOwnerOptions } from "@/lib/problems/list-owner-options";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { parseProblemListParams } from "@/lib/problems/problem-list-query";
import { searchProblems } from "@/lib/problems/search-problems";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Problems" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const actor = await requirePageActor("problems.read");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  const query = parseProblemListParams(await searchParams);
  const [page, owners, modelVersions] = await Promise.all([
    // A stale or hand-edited cursor shows the first page rather than an error.
    searchProblems(project.id, query).catch((error: unknown) => {
      if (error instanceof ValidationError && query.cursor) return searchProblems(project.id, { ...query, cursor: null });
      throw error;
    }),
    listOwnerOptions(),
    listModelVersions(project.id),
  ]);
  // Each listed problem on the newest version: above target, under it, or not measured.
  const latest = modelVersions.at(-1);
  const rates = latest ? await listErrorRates(project.id, { problemIds: page.items.map((p) => p.id), modelVersionIds: [latest.id] }) : [];
  return (
    <ProblemsPage
      project={project}
      query={query}
      page={page}
      owners={owners}
      canWrite={can(actor, "problems.write")}
      latest={latest ? { modelVersion: latest, rates } : null}
    />
  );
}
