import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { describeStaleness, diffEvidence } from "./describe-staleness";
import { loadEvidence, loadFingerprints, pairKey, type EvidenceItem } from "./signoff-evidence";

export type Staleness = { stale: boolean; staleReason: string | null };

type StoredSignoff = {
  id: string;
  problemId: string;
  modelVersionId: string;
  patternSetFingerprint: string;
  resultsFingerprint: string | null;
  evidence: Prisma.JsonValue | null;
};

/**
 * Whether each sign-off is stale, computed now: its stored fingerprints against
 * today's (one aggregate for all of them); only for the stale ones is the
 * frozen evidence diffed against today's to say why.
 */
export async function findStaleness(projectId: string, signoffs: readonly StoredSignoff[]): Promise<Map<string, Staleness>> {
  const current = await loadFingerprints(projectId, signoffs);
  const result = new Map<string, Staleness>();
  await Promise.all(
    signoffs.map(async (signoff) => {
      const now = current.get(pairKey(signoff));
      const unchanged =
        now && now.patternSetFingerprint === signoff.patternSetFingerprint && (signoff.resultsFingerprint === null || now.resultsFingerprint === signoff.resultsFingerprint);
      if (unchanged) return result.set(signoff.id, { stale: false, staleReason: null });
      const frozen = Array.isArray(signoff.evidence) ? (signoff.evidence as unknown as EvidenceItem[]) : null;
      const reason = frozen ? describeStaleness(diffEvidence(frozen, await loadEvidence(projectId, signoff))) : null;
      result.set(signoff.id, { stale: true, staleReason: reason ?? "the pattern set or results changed since" });
    }),
  );
  return result;
}
