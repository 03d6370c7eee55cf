import type { Metadata } from "next";
import { SignoffSheetPage } from "@/components/signoffs/signoff-sheet-page";
import { getGateResource } from "@/lib/gate/get-gate-resource";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { requirePageModelVersion } from "@/lib/models/require-page-model-version";
import { modelVersionTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { listSignoffSheetRows } from "@/lib/signoffs/list-signoff-sheet-rows";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; modelId: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, modelId } = await params;
  return modelVersionTitle(slug, modelId, "Sign-off");
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("signoffs.read");
  const { slug, modelId } = await params;
  const project = await requirePageProject(slug);
  const modelVersion = await requirePageModelVersion(project.id, modelId);
  const [sheet, gate] = await Promise.all([listSignoffSheetRows(project.id, modelVersion.id), getGateResource(modelVersion.id, actor)]);
  return <SignoffSheetPage project={project} modelVersion={modelVersion} sheet={sheet} canDecide={can(actor, "signoffs.write")} gate={gate} />;
}
