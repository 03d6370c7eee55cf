import type { ModelStatus } from "@/lib/db/generated/enums";

/** Which status a model version may move to from each status (DESIGN.md "model versions"). */
export const MODEL_STATUS_TRANSITIONS: Record<ModelStatus, readonly ModelStatus[]> = {
  candidate: ["production", "rejected", "retired"],
  production: ["retired"],
  retired: ["production"],
  rejected: ["candidate"],
};

export function canChangeModelStatus(from: ModelStatus, to: ModelStatus): boolean {
  return from === to || MODEL_STATUS_TRANSITIONS[from].includes(to);
}
