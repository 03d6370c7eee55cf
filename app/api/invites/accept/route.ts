import { publicRoute } from "@/lib/api/api-route";
import { UNAUTHENTICATED_MAX_BODY_BYTES, withBoundedBody } from "@/lib/http/read-bounded-body";
import { requestOrigin } from "@/lib/auth/request-origin";
import { signInResponse } from "@/lib/auth/sign-in-response";
import { acceptInvite } from "@/lib/users/accept-invite";
import { acceptInviteSchema } from "@/lib/users/user.schema";

export const dynamic = "force-dynamic";

/** Accepting an invite creates the account with the invite's email and role, then signs in. */
export const POST = withBoundedBody(
  UNAUTHENTICATED_MAX_BODY_BYTES,
  publicRoute({ schemas: { body: acceptInviteSchema }, maxBodyBytes: UNAUTHENTICATED_MAX_BODY_BYTES }, async ({ body, request }) => {
    const user = await acceptInvite(body.token, { name: body.name, password: body.password }, requestOrigin(request.headers));
    return signInResponse(request, user.email, body.password, { id: user.id, email: user.email, role: user.role });
  }),
);
