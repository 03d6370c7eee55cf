import { apiRoute } from "@/lib/api/api-route";
import { pageOf, userResponseSchema } from "@/lib/api/openapi/response-schemas";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read", summary: "Every user", response: { schema: pageOf(userResponseSchema) } }, async () => ({ items: await listUsers(), nextCursor: null }));
