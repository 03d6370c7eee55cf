import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";

export const dynamic = "force-dynamic";

const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["admin", "engineer", "tester", "stakeholder"]) }).nullable(),
  token: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(["read", "write", "capture", "gate"])), projectIds: z.array(z.string()) }).nullable(),
});

/**
 * Who the caller is: user and role and, for a token, its name, scopes and projects. A token
 * with the capture scope sits in production systems: its /me shows the token only, not its owner.
 */
export const GET = apiRoute(
  { permission: "api.read", summary: "Who the caller is (a capture token: only the token itself)", response: { schema: meSchema } },
  async (_input, actor) => {
    const token = actor.token ? { id: actor.token.id, name: actor.token.name, scopes: actor.token.scopes, projectIds: actor.token.projectIds } : null;
    return { user: token?.scopes.includes("capture") ? null : actor.user, token } satisfies z.output<typeof meSchema>;
  },
);
