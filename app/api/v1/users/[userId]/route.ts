import { apiRoute } from "@/lib/api/api-route";
import { userResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { updateUser, updateUserSchema } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(
  { permission: "users.manage", schemas: { params: idParams("userId"), body: updateUserSchema }, summary: "Change a user's role or disable them", response: { schema: userResponseSchema } },
  async ({ params, body }, actor) => updateUser(actor, params.userId, body),
);
