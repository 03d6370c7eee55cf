import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ProjectEventName } from "./project-events";

export type EmitProjectEventInput = {
  projectId: string;
  event: ProjectEventName;
  /** What happened, as the JSON body's `data` (ids, names, numbers; never secrets). */
  payload: Prisma.InputJsonObject;
  /** With a key, the same (project, event, key) fires at most once, ever (e.g. "drift over threshold, week 2026-49"). */
  dedupeKey?: string;
};

export type EmitProjectEventResult = { eventId: string | null; deliveries: number };

/**
 * Records a project event and one pending delivery per webhook subscribed to
 * it, in the caller's transaction (or as one statement on the client): they
 * exist exactly when the change that caused them commits. A worker sweep turns
 * the deliveries into queue jobs. A repeated dedupe key records nothing
 * (`eventId: null`).
 */
export async function emitProjectEvent(db: Prisma.TransactionClient, input: EmitProjectEventInput): Promise<EmitProjectEventResult> {
  const { projectId, event, payload } = input;
  // One statement: the event (skipped on a repeated key) and its deliveries, so a client without a transaction is as safe.
  const rows = await db.$queryRaw<{ eventId: string; deliveries: bigint }[]>`
    WITH event AS (
      INSERT INTO project_events (id, project_id, event, payload, dedupe_key)
      VALUES (gen_random_uuid()::text, ${projectId}, ${event}, ${JSON.stringify(payload)}::jsonb, ${input.dedupeKey ?? null})
      ON CONFLICT (project_id, event, dedupe_key) DO NOTHING
      RETURNING id, payload
    ), deliveries AS (
      INSERT INTO webhook_deliveries (id, project_id, webhook_id, project_event_id, event, payload)
      SELECT gen_random_uuid()::text, ${projectId}, w.id, event.id, ${event}, event.payload
        FROM event JOIN webhooks w ON w.project_id = ${projectId} AND ${event} = ANY (w.events)
      RETURNING 1
    )
    SELECT event.id AS "eventId", (SELECT count(*) FROM deliveries) AS deliveries FROM event`;
  const row = rows[0];
  return { eventId: row?.eventId ?? null, deliveries: Number(row?.deliveries ?? 0) };
}
