import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findUrlRefusal } from "@/lib/connectors/outbound/find-model-host-refusal";
import { modelHostPolicy } from "@/lib/connectors/outbound/model-host-policy";
import { sealSecrets } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors/domain-errors";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";
import type { CreateWebhookBody } from "./webhook.schema";
import { toWebhookResource, webhookSelect, type WebhookResource } from "./webhook-resource";

/** A project may have this many hooks. */
export const MAX_WEBHOOKS_PER_PROJECT = 20;

/**
 * Adds a webhook. Its signing secret is generated here, stored encrypted (the
 * HMAC needs it raw, so it cannot be hashed) and returned in this answer only.
 * A URL the outbound policy refuses is a 422 at `body.url`.
 */
export async function createWebhook(actor: Actor, projectId: string, body: CreateWebhookBody): Promise<WebhookResource & { secret: string }> {
  await assertProjectExists(projectId);
  const refusal = findUrlRefusal(body.url, modelHostPolicy());
  if (refusal) throw new ValidationError("The webhook URL is refused by the outbound policy (RATCHET_MODEL_HOSTS).", [{ path: "body.url", message: refusal }]);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const created = await prisma().$transaction(async (tx) => {
    const count = await tx.webhook.count({ where: { projectId } });
    if (count >= MAX_WEBHOOKS_PER_PROJECT) throw new ValidationError(`A project may have at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks.`, [{ path: "body", message: "too many webhooks" }]);
    const row = await tx.webhook.create({
      data: { projectId, url: body.url, format: body.format, events: body.events, secret: sealSecrets({ secret }), createdById: actor.user.id },
      select: webhookSelect,
    });
    // The host only: a Slack incoming-webhook URL's path is itself a credential.
    await recordAuditEvent(actor, { action: "webhook.create", entityType: "webhook", entityId: row.id, projectId, data: { host: new URL(body.url).host, format: body.format, events: body.events } }, tx);
    return row;
  });
  return { ...toWebhookResource(created), secret };
}
