import { TokensPage } from "@/components/settings/tokens-page";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listProjects } from "@/lib/projects/list-projects";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

export default async function Page() {
  const actor = await requirePageActor("tokens.manage");
  const [tokens, projects] = await Promise.all([listApiTokens(actor, { all: actor.user.role === "admin" }), listProjects()]);
  return <TokensPage actor={actor} tokens={tokens} projects={projects.map((p) => ({ id: p.id, name: p.name }))} />;
}
