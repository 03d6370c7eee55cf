import type { NowTestStatus } from "@/lib/db/generated/enums";

export type NowTestResource = {
  id: string;
  projectId: string;
  modelVersionId: string;
  replayRunId: string;
  status: NowTestStatus;
  /** Patterns with an earlier output (made with the same connector configuration) to compare with. */
  compared: number;
  /** Pattern ids whose output changed although the version did not. */
  changedOutputs: string[];
  /** Problem ids whose error rate crossed the target, either way. */
  crossedTarget: string[];
  createdAt: Date;
  finishedAt: Date | null;
};

export const nowTestSelect = {
  id: true, projectId: true, modelVersionId: true, replayRunId: true, status: true, compared: true, changedOutputs: true, crossedTarget: true, createdAt: true, finishedAt: true,
} as const;
