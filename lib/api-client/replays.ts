import type { z } from "zod";
import type { ReplayRunResource } from "@/lib/replay/replay-run-resource";
import type { requestManualReplaySchema } from "@/lib/replay/request-manual-replay";
import { apiFetch, type Jsonified } from "./api-fetch";

export type RequestReplayBody = z.input<typeof requestManualReplaySchema>;
export type ReplayRunPage = { items: Jsonified<ReplayRunResource>[]; nextCursor: string | null };

/** Replays every current pattern (or `patternIds`) on the model version: the queued run. */
export function requestReplay(modelVersionId: string, body: RequestReplayBody = {}): Promise<Jsonified<ReplayRunResource>> {
  return apiFetch(`/api/v1/models/${modelVersionId}/replays`, { method: "POST", body });
}

/** The model version's replay runs, newest first. */
export function listModelReplays(modelVersionId: string, page: { limit?: number } = {}): Promise<ReplayRunPage> {
  return apiFetch(`/api/v1/models/${modelVersionId}/replays${page.limit ? `?limit=${page.limit}` : ""}`);
}

/** The project's queued and running replay runs. */
export function listActiveReplays(projectId: string): Promise<ReplayRunPage> {
  return apiFetch(`/api/v1/projects/${projectId}/replays`);
}
