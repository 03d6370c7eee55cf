import type { Role, TokenScope } from "@/lib/db/generated/enums";

/** Who is asking: a signed-in user, or an API token acting for its owner. */
export type Actor = {
  user: { id: string; email: string; name: string; role: Role };
  token?: { id: string; scopes: TokenScope[] };
  ip: string | null;
  userAgent: string | null;
};
