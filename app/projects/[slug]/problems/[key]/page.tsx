import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProblemPatternsSection } from "@/components/patterns/problem-patterns-section";
import { ProblemPage } from "@/components/problems/problem-page";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { listPatternVersionMatrix } from "@/lib/results/list-pattern-version-matrix";
import { patternVerdictColumns } from "@/lib/results/pattern-verdict-columns";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listPatterns } from "@/lib/patterns/list-patterns";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { listOwnerOptions } from "@/lib/problems/list-owner-options";
import { listProblemHistory } from "@/lib/problems/list-problem-history";
import { problemTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { listSignoffMarkers } from "@/lib/signoffs/list-signoff-markers";

export const dynamic = "force-dynamic";

// A problem has 10–15 patterns by design; 200 is far past anything its list is meant to show.
const MAX_LISTED_PATTERNS = 200;

type Props = { params: Promise<{ slug: string; key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, key } = await params;
  return problemTitle(slug, key);
}

export default async function Page({ params, searchParams }: Props) {
  const actor = await requirePageActor("problems.read");
  const { slug, key } = await params;
  const project = await requirePageProject(slug);
  const problem = await findProblemByKey(project.id, decodeURIComponent(key));
  if (!problem) notFound();

  const modelVersions = await listModelVersions(project.id);
  const [errorRates, matrix, history, owners, patterns, signoffs] = await Promise.all([
    listErrorRates(project.id, { problemIds: [problem.id] }),
    listPatternVersionMatrix(project.id, problem.id, modelVersions),
    listProblemHistory(problem.id, { limit: 50 }),
    listOwnerOptions(),
    listPatterns(problem.id, { archived: "include", limit: MAX_LISTED_PATTERNS }),
    listSignoffMarkers(project.id, { problemIds: [problem.id] }),
  ]);
  const [row] = buildErrorRateMatrix([problem], modelVersions, errorRates).rows;
  const versions = modelVersions.map((v, i) => ({ ...v, rate: row?.cells[i] ?? null }));

  // The patterns module's section: the problem's pattern list, below its fields.
  const canAddPatterns = can(actor, "patterns.write");
  const patternsSection = (
    <ProblemPatternsSection problem={problem} project={project} patterns={patterns.items} verdictColumns={patternVerdictColumns(matrix)} canWrite={canAddPatterns} />
  );

  return (
    <ProblemPage
      project={project}
      problem={problem}
      versions={versions}
      matrix={matrix}
      history={history.items}
      owners={owners}
      canWrite={can(actor, "problems.write")}
      canAddPatterns={canAddPatterns}
      canRegisterModels={can(actor, "models.write")}
      patternsSection={patternsSection}
      signoffs={signoffs}
      allVersionRows={(await searchParams).versions === "all"}
    />
  );
}
