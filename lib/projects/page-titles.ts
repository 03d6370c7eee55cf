import "server-only";
import type { Metadata } from "next";
import { can, currentActor } from "@/lib/auth/current-actor";
import type { Permission } from "@/lib/auth/permissions";
import { idSchema } from "@/lib/http/id-params";
import { findProjectModelVersion } from "@/lib/models/find-project-model-version";
import { getPattern } from "@/lib/patterns/get-pattern";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { findProjectBySlug } from "./find-project-by-slug";

// Browser tab titles, "SENT-1 Sarcasm read as praise · Review sentiment · Ratchet":
// the page's own part (here), then the project's name (app/projects/[slug]/layout.tsx's
// template), then the root layout's "· Ratchet". A name only goes into a title for someone
// allowed to read it (metadata is rendered even when the page itself answers 403 or 404),
// and a failed lookup gives the generic title, never an error page.

async function readableTitle(permission: Permission, name: () => Promise<string | null | undefined>, fallback: string): Promise<Metadata> {
  if (!can(await currentActor(), permission)) return { title: fallback };
  const title = await name().catch(() => null);
  return { title: title ?? fallback };
}

/** The project layout's part: every page below it gets "… · {project} · Ratchet"; the dashboard is "{project} · Ratchet". */
export async function projectTitleTemplate(slug: string): Promise<Metadata> {
  const project = can(await currentActor(), "projects.read") ? await findProjectBySlug(slug).catch(() => null) : null;
  if (!project) return {};
  // `default` goes through the root layout's template ("… · Ratchet"); `template` replaces it for the pages below.
  return { title: { default: project.name, template: `%s · ${project.name} · Ratchet` } };
}

export function problemTitle(slug: string, key: string): Promise<Metadata> {
  return readableTitle(
    "problems.read",
    async () => {
      const project = await findProjectBySlug(slug);
      const problem = project ? await findProblemByKey(project.id, decodeURIComponent(key)) : null;
      return problem ? `${problem.key} ${problem.title}` : null;
    },
    "Problem",
  );
}

/** `what`: the page's word before the version ("Compare", "Sign-off"…); none for the version's own page. */
export function modelVersionTitle(slug: string, modelId: string, what?: string): Promise<Metadata> {
  return readableTitle(
    "models.read",
    async () => {
      if (!idSchema.safeParse(modelId).success) return null;
      const project = await findProjectBySlug(slug);
      const modelVersion = project ? await findProjectModelVersion(project.id, modelId) : null;
      return modelVersion ? [what, `${modelVersion.name} ${modelVersion.version}`].filter(Boolean).join(" ") : null;
    },
    what ?? "Model version",
  );
}

export function patternTitle(slug: string, patternId: string, what?: string): Promise<Metadata> {
  return readableTitle(
    "patterns.read",
    async () => {
      if (!idSchema.safeParse(patternId).success) return null;
      const project = await findProjectBySlug(slug);
      const pattern = project ? await getPattern(patternId, { projectId: project.id }) : null;
      return pattern ? [what, pattern.name].filter(Boolean).join(" ") : null;
    },
    what ?? "Pattern",
  );
}
