import { publicRoute } from "@/lib/api/api-route";
import { UNAUTHENTICATED_MAX_BODY_BYTES, withBoundedBody } from "@/lib/http/read-bounded-body";
import { requestOrigin } from "@/lib/auth/request-origin";
import { signInResponse } from "@/lib/auth/sign-in-response";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { newAccountSchema } from "@/lib/users/user.schema";

export const dynamic = "force-dynamic";

/** First-run setup: creates the first admin (refused once any user exists) and signs them in. */
export const POST = withBoundedBody(
  UNAUTHENTICATED_MAX_BODY_BYTES,
  publicRoute({ schemas: { body: newAccountSchema }, maxBodyBytes: UNAUTHENTICATED_MAX_BODY_BYTES }, async ({ body, request }) => {
    const user = await createFirstAdmin(body, requestOrigin(request.headers));
    return signInResponse(request, body.email, body.password, { id: user.id, email: user.email, role: user.role });
  }),
);
