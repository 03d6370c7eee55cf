import { apiRoute } from "@/lib/api/api-route";
import { inviteResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { createInvite, createInviteSchema } from "@/lib/users/create-invite";
import { listOpenInvites } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read", summary: "Open invites", response: { schema: pageOf(inviteResponseSchema) } }, async () => ({ items: await listOpenInvites(), nextCursor: null }));

/** Returns the invite link once; only its hash is kept. */
export const POST = apiRoute({ permission: "users.manage", schemas: { body: createInviteSchema }, summary: "Invite someone (the link is returned once)", response: { status: 201, schema: inviteResponseSchema } }, async ({ body }, actor) =>
  jsonResponse(await createInvite(actor, body), 201),
);
