import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { createInvite, createInviteSchema } from "@/lib/users/create-invite";
import { listOpenInvites } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read" }, async () => ({ items: await listOpenInvites(), nextCursor: null }));

/** Returns the invite link once; only its hash is kept. */
export const POST = apiRoute({ permission: "users.manage", schemas: { body: createInviteSchema } }, async ({ body }, actor) =>
  jsonResponse(await createInvite(actor, body), 201),
);
