import { CapturesPage } from "@/components/captures/captures-page";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { listCapturesQuerySchema } from "@/lib/captures/capture.schema";
import { listCaptureDrift } from "@/lib/captures/list-capture-drift";
import { listCaptures } from "@/lib/captures/list-captures";
import { listProblemOptions } from "@/lib/problems/list-problem-options";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Captures" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const actor = await requirePageActor("patterns.read");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  const raw = await searchParams;
  const parsed = listCapturesQuerySchema.safeParse({ status: raw.status, cursor: raw.cursor, limit: "25" });
  const query = parsed.success ? parsed.data : listCapturesQuerySchema.parse({ limit: "25" });
  const [page, problems, drift] = await Promise.all([listCaptures(project.id, query), listProblemOptions(project.id), listCaptureDrift(project.id)]);
  return (
    <CapturesPage
      project={project}
      status={query.status}
      page={page}
      problems={problems}
      canTriage={can(actor, "captures.triage")}
      drift={drift}
      settingsHref={can(actor, "projects.write") ? `/projects/${project.slug}/settings#after-release` : null}
    />
  );
}
