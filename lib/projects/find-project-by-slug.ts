import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/prisma";

export type ProjectDetails = NonNullable<Awaited<ReturnType<typeof findProjectBySlug>>>;

/** The project with this slug, or null. Cached per request: the layout and the page both ask. */
export const findProjectBySlug = cache(async (slug: string) => {
  return prisma().project.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      outputKind: true,
      keyPrefix: true,
      labels: true,
      inputSchema: true,
      lockVersion: true,
      alpha: true,
    },
  });
});
