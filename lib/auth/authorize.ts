import { ForbiddenError, UnauthenticatedError } from "@/lib/errors/domain-errors";
import type { Actor } from "./actor";
import { type Permission, roleHas, scopesAllow } from "./permissions";

/** Throws 401 for nobody, 403 for a role or token scope the permission table does not allow. */
export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!roleHas(actor.user.role, permission)) {
    throw new ForbiddenError(`Your role (${actor.user.role}) may not do this (${permission}).`);
  }
  if (actor.token && !scopesAllow(actor.token.scopes, permission)) {
    throw new ForbiddenError(`This API token's scopes (${actor.token.scopes.join(", ") || "none"}) do not allow ${permission}.`);
  }
}
