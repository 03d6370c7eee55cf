import { AccountPage } from "@/components/settings/account-page";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account" };

export default async function Page() {
  return <AccountPage actor={await requirePageActor()} />;
}
