import { apiRoute } from "@/lib/api/api-route";

export const dynamic = "force-dynamic";

/** Who the caller is: user, role and, for a token, its scopes. */
export const GET = apiRoute({ permission: "api.read" }, async (_input, actor) => ({
  user: actor.user,
  token: actor.token ? { id: actor.token.id, scopes: actor.token.scopes } : null,
}));
