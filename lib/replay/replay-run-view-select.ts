/** The columns a ReplayRunView is built from. */
export const replayRunViewSelect = {
  id: true, projectId: true, modelVersionId: true, trigger: true, status: true, total: true, passed: true, failed: true,
  errored: true, ungraded: true, error: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;
