import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { updateUser, updateUserSchema } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(
  { permission: "users.manage", schemas: { params: idParams("userId"), body: updateUserSchema } },
  async ({ params, body }, actor) => updateUser(actor, params.userId, body),
);
