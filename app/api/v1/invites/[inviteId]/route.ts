import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { revokeInvite } from "@/lib/users/revoke-invite";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({ permission: "users.manage", schemas: { params: idParams("inviteId") }, summary: "Revoke an open invite", response: { status: 204 } }, async ({ params }, actor) =>
  revokeInvite(actor, params.inviteId),
);
