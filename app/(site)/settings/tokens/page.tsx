import { TokensPage } from "@/components/settings/tokens-page";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

export default async function Page() {
  return <TokensPage actor={await requirePageActor("tokens.manage")} />;
}
