import { UsersPage } from "@/components/admin/users-page";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function Page() {
  return <UsersPage actor={await requirePageActor("users.manage")} />;
}
