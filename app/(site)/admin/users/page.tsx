import { UsersPage } from "@/components/admin/users-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listOpenInvites, listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function Page() {
  const actor = await requirePageActor("users.manage");
  const [users, invites] = await Promise.all([listUsers(), listOpenInvites()]);
  return <UsersPage actor={actor} users={users} invites={invites} />;
}
