import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { requestReplay } from "@/lib/replay/request-replay";

export type RegistrationReplay = { projectId: string; modelVersionId: string; createdById: string | null };

/**
 * The one place where registering a model version asks for a replay of all
 * current patterns, inside the caller's transaction: at registration for
 * callable HTTP connectors, at artifact upload for onnx and predictions
 * versions (they cannot run before their file exists).
 */
export async function requestRegistrationReplay(tx: Prisma.TransactionClient, replay: RegistrationReplay) {
  return requestReplay(tx, { ...replay, trigger: "model_registered" });
}
