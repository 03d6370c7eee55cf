import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { type Permission, roleHas } from "./permissions";
import { resolveActor } from "./resolve-actor";

/** The signed-in user of this page request (once per request), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  if (h.get("authorization")) return null; // pages are for browsers with sessions, not API tokens
  return resolveActor(h);
});

/** For pages: redirect to sign-in without a session, render 403 without the permission. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (permission && !roleHas(actor.user.role, permission)) forbidden();
  return actor;
}

/** What the UI may offer this user (it hides what a role may not do; the server refuses it anyway). */
export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && roleHas(actor.user.role, permission);
}
