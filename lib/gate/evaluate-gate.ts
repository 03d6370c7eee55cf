import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import { formatPValue } from "@/lib/format/format-p-value";
import { mcnemarExact } from "@/lib/stats/mcnemar-exact";
import type { GatePolicy } from "./gate-policy.schema";

// The release gate as a pure function of a policy and the evidence gathered by
// getGateResource: no database, no clock, so every rule is unit-tested and the
// decision's properties (pass ⇒ nothing unmet, more violations never pass) are
// checked with fast-check.

export type GateRule = "target" | "regression" | "signoff" | "replay" | "errors";
/** ok: met · pending: not met yet, waiting can settle it · fail: the evidence violates the rule. */
export type GateCheckState = "ok" | "pending" | "fail";
export type GateDecision = "pass" | "fail" | "pending";
export type GateCheck = { rule: GateRule; ok: boolean; state: GateCheckState; detail: string };

export type GateSignoffEvidence = {
  decision: "approve" | "reject";
  stale: boolean;
  staleReason: string | null;
  by: string | null;
  comment: string;
};

export type GateProblemEvidence = {
  problemId: string;
  key: string;
  severity: Severity;
  status: ProblemStatus;
  target: number;
  /** Current (non-archived) patterns of the problem: passed + failed + errored + pending + missing + awaitingGrade. */
  patterns: number;
  /** The candidate's settled verdicts on them (error rate = failed / (passed + failed)); a result being replayed again is pending. */
  passed: number;
  failed: number;
  errored: number;
  /** Replay items not finished yet. */
  pending: number;
  /** Patterns with no result and no replay queued. */
  missing: number;
  /** Outputs waiting for a human grade. */
  awaitingGrade: number;
  /** Paired flips against the production version; null when there is none to compare with. */
  comparison: { fixed: number; broken: number } | null;
  /** The current sign-off of this version on the problem, if any. */
  signoff: GateSignoffEvidence | null;
};

export type GateEvidence = {
  /** Significance level of the regression rule (the project's alpha). */
  alpha: number;
  /** What the regression rule compares with. */
  production: { kind: "version"; label: string } | { kind: "self" } | { kind: "none" };
  problems: GateProblemEvidence[];
};

export type GateProblemEvaluation = { problemId: string; key: string; checks: GateCheck[] };
export type GateEvaluation = { decision: GateDecision; problems: GateProblemEvaluation[]; reasons: string[] };

/**
 * pass: every check is met. fail: some evidence violates a rule (above target,
 * significant regression, a current rejection, too many errored calls) — and
 * would still violate it whatever the outstanding results turn out to be.
 * pending: nothing violated, but something is still to come (replay running,
 * grades or sign-offs not yet given). Reasons list every unmet check, failures
 * first, as "KEY: detail".
 */
export function evaluateGate(policy: GatePolicy, evidence: GateEvidence): GateEvaluation {
  const problems = evidence.problems.map((problem) => ({
    problemId: problem.problemId,
    key: problem.key,
    checks: checkProblem(policy, evidence, problem),
  }));
  const unmet = problems.flatMap((p) => p.checks.filter((c) => c.state !== "ok").map((c) => ({ key: p.key, check: c })));
  const failed = unmet.filter((u) => u.check.state === "fail");
  const waiting = unmet.filter((u) => u.check.state === "pending");
  const decision: GateDecision = failed.length ? "fail" : waiting.length ? "pending" : "pass";
  return { decision, problems, reasons: [...failed, ...waiting].map((u) => `${u.key}: ${u.check.detail}`) };
}

function checkProblem(policy: GatePolicy, evidence: GateEvidence, problem: GateProblemEvidence): GateCheck[] {
  // A problem the team decided not to fix is outside the gate.
  if (problem.status === "wont_fix") return [];
  const held = policy.statuses.includes(problem.status);
  const checks: GateCheck[] = [checkReplay(problem), checkErrors(policy, problem)];
  if (held) checks.push(checkTarget(problem));
  if (policy.blockRegressions) checks.push(checkRegression(evidence, problem));
  if (held && policy.signoffSeverities.includes(problem.severity)) checks.push(checkSignoff(problem));
  return checks;
}

const check = (rule: GateRule, state: GateCheckState, detail: string): GateCheck => ({ rule, ok: state === "ok", state, detail });

/** Results that may still change into pass or fail. */
export function outstanding(problem: Pick<GateProblemEvidence, "pending" | "missing" | "awaitingGrade">): number {
  return problem.pending + problem.missing + problem.awaitingGrade;
}

function checkReplay(problem: GateProblemEvidence): GateCheck {
  const open = outstanding(problem);
  if (open === 0) return check("replay", "ok", `replay complete (${plural(problem.patterns, "pattern")})`);
  const parts = [
    problem.pending ? `${problem.pending} still replaying` : "",
    problem.awaitingGrade ? `${problem.awaitingGrade} awaiting a grade` : "",
    problem.missing ? `${problem.missing} with no result and no replay queued` : "",
  ].filter(Boolean);
  return check("replay", "pending", `replay incomplete: ${parts.join(", ")} of ${plural(problem.patterns, "pattern")}`);
}

function checkErrors(policy: GatePolicy, problem: GateProblemEvidence): GateCheck {
  const share = problem.patterns === 0 ? 0 : problem.errored / problem.patterns;
  const text = `${problem.errored} of ${plural(problem.patterns, "call")} errored (${percent(share, policy.maxErroredShare)})`;
  if (share > policy.maxErroredShare) return check("errors", "fail", `${text}, more than the ${percent(policy.maxErroredShare)} allowed`);
  return check("errors", "ok", `${text}, at most ${percent(policy.maxErroredShare)} allowed`);
}

function checkTarget(problem: GateProblemEvidence): GateCheck {
  const { failed, target } = problem;
  const n = problem.passed + failed;
  const open = outstanding(problem);
  // Not measured (no pass or fail evidence) is never a pass: no patterns waits for them, only errors fail.
  if (problem.patterns === 0) return check("target", "pending", "not measured: no patterns yet, so no error rate to hold to the target");
  if (n + open === 0) return check("target", "fail", "not measured: no pass or fail result, every call errored");
  // Settled when no outcome of the outstanding results can change the side of the target.
  const best = failed / (n + open);
  const worst = (failed + open) / (n + open);
  const rate = n === 0 ? null : failed / n;
  const now = rate === null ? "no result yet" : `${percent(rate, target)} (n=${n})`;
  if (best > target) {
    const rest = open ? `, even if the ${open} outstanding pass` : "";
    return check("target", "fail", `${percent(rate ?? best, target)} above target ${percent(target)}${rest} (n=${n})`);
  }
  if (worst <= target) return check("target", "ok", `${percent(rate ?? 0, target)} at or under target ${percent(target)} (n=${n})`);
  return check("target", "pending", `${now}, target ${percent(target)}: waiting for ${open} outstanding result${open === 1 ? "" : "s"}`);
}

function checkRegression(evidence: GateEvidence, problem: GateProblemEvidence): GateCheck {
  const { production, alpha } = evidence;
  if (production.kind === "self") return check("regression", "ok", "this version is the production version: nothing to compare with");
  if (production.kind === "none" || !problem.comparison) return check("regression", "ok", "no production version to compare with");
  const { fixed, broken } = problem.comparison;
  const open = outstanding(problem);
  const p = mcnemarExact(broken, fixed);
  const flips = `${broken} broken, ${fixed} fixed vs ${production.label}`;
  const worse = (b: number, f: number) => b > f && mcnemarExact(b, f) < alpha;
  // fail only when the outstanding results, all turning out fixed, could not undo it.
  if (worse(broken, fixed + open)) return check("regression", "fail", `significantly worse: ${flips} (${formatPValue(p)} < α ${alpha})`);
  if (open > 0 && worse(broken + open, fixed)) {
    return check("regression", "pending", `${flips} (${formatPValue(p)}); ${open} outstanding result${open === 1 ? "" : "s"} could still make it significant`);
  }
  return check("regression", "ok", `not significantly worse: ${flips} (${formatPValue(p)}, α ${alpha})`);
}

function checkSignoff(problem: GateProblemEvidence): GateCheck {
  const s = problem.signoff;
  if (!s) return check("signoff", "pending", `awaiting a sign-off (${problem.severity})`);
  const by = s.by ? ` by ${s.by}` : "";
  if (s.stale) {
    const what = s.decision === "approve" ? "approval" : "rejection";
    return check("signoff", "pending", `${what}${by} is stale${s.staleReason ? ` (${s.staleReason})` : ""}: awaiting a new sign-off`);
  }
  if (s.decision === "reject") return check("signoff", "fail", `rejected${by}${s.comment ? `: “${s.comment}”` : ""}`);
  return check("signoff", "ok", `approved${by}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Whole percents, or one decimal where whole percents would print a rate and the limit it differs from alike. */
export function percent(rate: number, comparedWith?: number): string {
  const whole = `${Math.round(rate * 100)}%`;
  if (comparedWith === undefined || rate === comparedWith || whole !== `${Math.round(comparedWith * 100)}%`) return whole;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

