import { TokensPage } from "@/components/settings/tokens-page";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

export default async function Page() {
  const actor = await requirePageActor("tokens.manage");
  const tokens = await listApiTokens(actor, { all: actor.user.role === "admin" });
  return <TokensPage actor={actor} tokens={tokens} />;
}
