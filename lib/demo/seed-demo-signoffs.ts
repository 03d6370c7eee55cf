import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import { formatPercent, formatTarget } from "@/lib/format/format-percent";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { writeSignoffs } from "@/lib/signoffs/write-signoffs";
import { demoAccountEmail } from "./demo-account-email";
import { DEMO_PROJECT } from "./demo-project";

const PRODUCTION_VERSION = "2.1";
const REJECTED = { version: "2.0", problemKey: `${DEMO_PROJECT.keyPrefix}-2`, comment: "Negated praise still fails far above its 10% target: not for release." };

/**
 * The demo's stakeholder has signed off on production 2.1 for every problem,
 * after rejecting 2.0 on the negation problem — written through the same
 * domain function as the API, so the records freeze real evidence. Needs the
 * demo's replays to have completed; returns how many sign-offs it wrote
 * (0 when there is no demo stakeholder or the demo already has sign-offs).
 */
export async function seedDemoSignoffs(projectId: string): Promise<number> {
  const user = await prisma().user.findUnique({ where: { email: demoAccountEmail("stakeholder") }, select: { id: true, email: true, name: true, role: true } });
  if (!user || (await prisma().signOff.count({ where: { projectId } })) > 0) return 0;
  const actor: Actor = { user, ip: null, userAgent: "ratchet demo seed" };
  const [versions, problems] = await Promise.all([
    prisma().modelVersion.findMany({ where: { projectId }, select: { id: true, version: true } }),
    prisma().problem.findMany({ where: { projectId }, orderBy: { number: "asc" }, select: { id: true, key: true, target: true } }),
  ]);
  const versionId = (label: string) => {
    const found = versions.find((v) => v.version === label);
    if (!found) throw new Error(`The demo has no model version ${label}`);
    return found.id;
  };
  const rejected = problems.find((p) => p.key === REJECTED.problemKey);
  if (!rejected) throw new Error(`The demo has no problem ${REJECTED.problemKey}`);

  await writeSignoffs(actor, { projectId, modelVersionId: versionId(REJECTED.version) }, [{ problemId: rejected.id, decision: "reject", comment: REJECTED.comment }], () => "demo");

  const production = versionId(PRODUCTION_VERSION);
  const rates = new Map((await listErrorRates(projectId, { modelVersionIds: [production] })).map((r) => [r.problemId, r.errorRate]));
  const approvals = problems.map((problem) => {
    const rate = rates.get(problem.id) ?? null;
    const comment =
      rate !== null && rate <= problem.target
        ? `Meets its ${formatTarget(problem.target)} target.`
        : `Above its ${formatTarget(problem.target)} target (${formatPercent(rate)}), accepted for this release: the fix is planned for 3.0.`;
    return { problemId: problem.id, decision: "approve" as const, comment };
  });
  await writeSignoffs(actor, { projectId, modelVersionId: production }, approvals, () => "demo");
  return approvals.length + 1;
}
