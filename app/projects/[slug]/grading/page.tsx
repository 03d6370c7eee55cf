import { GradingQueuePage } from "@/components/grading/grading-queue-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listGradingQueueItems } from "@/lib/grading/list-grading-queue-items";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Grading" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string }> };

export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("grades.write");
  const { slug } = await params;
  const { cursor } = await searchParams;
  const project = await requirePageProject(slug);
  const pageCursor = cursor?.slice(0, 200) || undefined;
  const queue = await listGradingQueueItems(project.id, { limit: 50, cursor: pageCursor });
  return <GradingQueuePage project={project} items={queue.items} cursor={pageCursor} nextCursor={queue.nextCursor} />;
}
