import { apiRoute } from "@/lib/api/api-route";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read" }, async () => ({ items: await listUsers(), nextCursor: null }));
