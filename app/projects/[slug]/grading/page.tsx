import { GradingQueuePage } from "@/components/grading/grading-queue-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listGradingQueueItems } from "@/lib/grading/list-grading-queue-items";
import { idSchema } from "@/lib/http/id-params";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Grading" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string; pattern?: string }> };

export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("grades.write");
  const { slug } = await params;
  const { cursor, pattern } = await searchParams;
  const project = await requirePageProject(slug);
  const pageCursor = cursor?.slice(0, 200) || undefined;
  // ?pattern=: one pattern's history (every revision); otherwise only what counts.
  const patternId = pattern && idSchema.safeParse(pattern).success ? pattern : undefined;
  const queue = await listGradingQueueItems(project.id, { limit: 50, cursor: pageCursor, patternId });
  return <GradingQueuePage project={project} items={queue.items} cursor={pageCursor} nextCursor={queue.nextCursor} patternId={patternId} />;
}
