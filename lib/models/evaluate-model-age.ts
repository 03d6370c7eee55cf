import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

const DAY_MS = 24 * 60 * 60 * 1000;

export type ModelAgeEvaluation = {
  projectId: string;
  /** True when the production version is older than the project's limit (never when the limit is off or nothing is in production). */
  tooOld: boolean;
  /** Whole days since the production version was trained (registered, when the training date is unknown); null without one. */
  ageDays: number | null;
  limitDays: number | null;
  /** The latest production version judged; null when none. */
  modelVersionId: string | null;
  /** Whether the age counts from the training date or, unknown, from registration. */
  since: "trained" | "registered" | null;
};

/**
 * The model-age check of a project (setting "a production model older than N
 * days"): the latest production version's age against maxModelAgeDays. Read
 * by the dashboard warning and the alert sender (event `model.too_old`).
 */
export async function evaluateModelAge(projectId: string, now: Date = new Date()): Promise<ModelAgeEvaluation> {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { maxModelAgeDays: true } });
  if (!project) throw new NotFoundError("Project");
  const production = await prisma().modelVersion.findFirst({
    where: { projectId, status: "production" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, trainedAt: true, createdAt: true },
  });
  const limitDays = project.maxModelAgeDays;
  if (!production) return { projectId, tooOld: false, ageDays: null, limitDays, modelVersionId: null, since: null };
  const born = production.trainedAt ?? production.createdAt;
  const ageDays = Math.floor((now.getTime() - born.getTime()) / DAY_MS);
  return {
    projectId,
    tooOld: limitDays !== null && ageDays > limitDays,
    ageDays,
    limitDays,
    modelVersionId: production.id,
    since: production.trainedAt ? "trained" : "registered",
  };
}
