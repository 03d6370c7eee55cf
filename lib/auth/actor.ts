import type { Role, TokenScope } from "@/lib/db/generated/enums";

/** Who is asking: a signed-in user, or an API token acting for its owner. */
export type Actor = {
  user: { id: string; email: string; name: string; role: Role };
  /** projectIds: the projects the token is limited to; empty: every project its owner may reach. */
  token?: { id: string; name: string; scopes: TokenScope[]; projectIds: string[] };
  ip: string | null;
  userAgent: string | null;
};
