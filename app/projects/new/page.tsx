import { NewProjectPage } from "@/components/projects/new-project-page";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "New project" };

export default async function Page() {
  await requirePageActor("projects.write");
  return <NewProjectPage />;
}
