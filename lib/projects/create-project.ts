import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError } from "@/lib/errors/domain-errors";
import { defaultKeyPrefix } from "./default-key-prefix";
import type { CreateProject, ProjectResource } from "./project.schema";
import { projectResourceSelect, toProjectResource } from "./project-resource";

export async function createProject(actor: Actor, input: CreateProject): Promise<ProjectResource> {
  const keyPrefix = input.keyPrefix ?? defaultKeyPrefix(input.name);
  try {
    return await prisma().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          name: input.name,
          slug: input.slug,
          outputKind: input.outputKind,
          description: input.description,
          keyPrefix,
          labels: input.labels,
          alpha: input.alpha,
          inputSchema: input.inputSchema === null ? Prisma.DbNull : (input.inputSchema as Prisma.InputJsonObject),
        },
        select: projectResourceSelect,
      });
      await recordAuditEvent(
        actor,
        { action: "project.create", entityType: "project", entityId: project.id, projectId: project.id, data: { name: input.name, slug: input.slug, keyPrefix } },
        tx,
      );
      return toProjectResource(project);
    });
  } catch (error) {
    throw slugConflict(error, input.slug) ?? error;
  }
}

/** The unique index on slug is the arbiter (two creates at once cannot both pass a pre-check). */
export function slugConflict(error: unknown, slug: string): ConflictError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new ConflictError(`A project with the slug "${slug}" already exists.`);
  }
  return null;
}
