import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors/domain-errors";

// A token limited to chosen projects (api_tokens.project_ids) reaches only
// them. Every /api/v1 route names its resource by an id in the path; each id
// kind maps to the project that owns it, so one check in the API wrapper
// covers every route, before the body is read. Routes without a project in
// the path decide for themselves (TOKEN_PROJECT_FREE_ROUTES).

type ProjectOf = (id: string) => Promise<string | null>;

const owner = (row: { projectId: string } | null) => row?.projectId ?? null;

/** Path parameter → the project of the resource it names (null: no such resource; the route answers 404). */
export const PROJECT_OF_PARAM: Record<string, ProjectOf> = {
  projectId: async (id) => id,
  problemId: async (id) => owner(await prisma().problem.findUnique({ where: { id }, select: { projectId: true } })),
  patternId: async (id) => owner(await prisma().pattern.findUnique({ where: { id }, select: { projectId: true } })),
  modelId: async (id) => owner(await prisma().modelVersion.findUnique({ where: { id }, select: { projectId: true } })),
  captureId: async (id) => owner(await prisma().capture.findUnique({ where: { id }, select: { projectId: true } })),
  runId: async (id) => owner(await prisma().replayRun.findUnique({ where: { id }, select: { projectId: true } })),
  signoffId: async (id) => owner(await prisma().signOff.findUnique({ where: { id }, select: { projectId: true } })),
  attachmentId: async (id) => owner(await prisma().attachment.findUnique({ where: { id }, select: { projectId: true } })),
  webhookId: async (id) => owner(await prisma().webhook.findUnique({ where: { id }, select: { projectId: true } })),
};

/**
 * Token-usable routes with no project in their path, and how each keeps a
 * project-limited token inside its projects. A test fails when a route a
 * token may call has neither a project parameter nor an entry here.
 */
export const TOKEN_PROJECT_FREE_ROUTES: Record<string, string> = {
  "GET /api/v1/me": "describes the token itself",
  "GET /api/v1/openapi.json": "the same document for everyone",
  "GET /api/v1/projects": "lists only the token's projects",
  "POST /api/v1/projects": "refused to a project-limited token (a new project is outside its list)",
  "POST /api/v1/grades": "checks the graded revision's project",
};

/** The projects a token is limited to; null when it reaches every project its owner may (sessions, unlimited tokens). */
export function tokenProjectIds(actor: Actor): string[] | null {
  return actor.token?.projectIds.length ? actor.token.projectIds : null;
}

/** 403 when a project-limited token asks for another project's resource. */
export function assertTokenReachesProject(actor: Actor, projectId: string) {
  const allowed = tokenProjectIds(actor);
  if (allowed && !allowed.includes(projectId)) {
    throw new ForbiddenError("This API token is limited to other projects.");
  }
}

/** The wrapper's check: each id in the path, resolved to its project. Unknown ids pass through to the route's own 404. */
export async function assertTokenReachesPath(actor: Actor, params: Record<string, string | string[] | undefined>) {
  if (!tokenProjectIds(actor)) return;
  for (const [name, value] of Object.entries(params)) {
    const projectOf = PROJECT_OF_PARAM[name];
    if (!projectOf || typeof value !== "string" || value.length > 200) continue;
    const projectId = await projectOf(value);
    if (projectId !== null) assertTokenReachesProject(actor, projectId);
  }
}
