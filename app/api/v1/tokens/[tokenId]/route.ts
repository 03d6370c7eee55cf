import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({ permission: "tokens.manage", schemas: { params: idParams("tokenId") }, summary: "Revoke a token", response: { status: 204 } }, async ({ params }, actor) =>
  revokeApiToken(actor, params.tokenId),
);
