import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { connectorKind } from "@/lib/connectors/connector-kinds";
import { connectorSecretReferences } from "@/lib/connectors/connector-secret-references";
import { probeLabelOutputs } from "@/lib/connectors/probe-label-outputs";
import { sealSecrets } from "@/lib/crypto/secret-box";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { assertConnectorSecrets } from "./assert-connector-secrets";
import { assertConnectorUrlAllowed } from "./assert-connector-url-allowed";
import type { CreateModelVersion } from "./create-model-version.schema";
import { demoteProductionVersions } from "./demote-production-versions";
import { requestRegistrationReplay } from "./request-registration-replay";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/**
 * Registers a model version: secrets sealed, production handed over, audit
 * recorded and (for callable connectors, unless `replay` is false) a replay of
 * all current patterns requested — all in one transaction. Versions of kinds that take an uploaded
 * file are replayed when it is uploaded. A label project first sends its first
 * patterns to a callable model and refuses one that answers no label (422).
 */
export async function createModelVersion(actor: Actor, projectId: string, input: CreateModelVersion) {
  assertConnectorUrlAllowed(input.connector);
  assertConnectorSecrets(connectorSecretReferences(input.connector), input.connectorSecrets);
  const kind = connectorKind(input.connector.kind);
  if (!kind.upload) await probeLabelOutputs({ projectId, connector: input.connector, secrets: input.connectorSecrets, timeoutMs: input.timeoutMs });
  const secretNames = Object.keys(input.connectorSecrets);
  try {
    return await prisma().$transaction(async (tx) => {
      const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
      if (!project) throw new NotFoundError("Project");
      const existing = await tx.modelVersion.findFirst({ where: { projectId, name: input.name, version: input.version }, select: { id: true } });
      if (existing) throw duplicate(input);
      if (input.status === "production") await demoteProductionVersions(tx, actor, { projectId, name: input.name });
      const created = await tx.modelVersion.create({
        data: {
          projectId,
          name: input.name,
          version: input.version,
          status: input.status,
          connectorKind: input.connector.kind,
          connector: input.connector,
          connectorSecrets: secretNames.length ? sealSecrets(input.connectorSecrets) : null,
          artifactChecksum: input.artifactChecksum ?? null,
          trainedAt: input.trainedAt ?? null,
          metrics: input.metrics ?? Prisma.DbNull,
          sourceUrl: input.sourceUrl ?? null,
          concurrency: input.concurrency,
          timeoutMs: input.timeoutMs,
        },
        select: modelVersionResourceSelect,
      });
      await recordAuditEvent(
        actor,
        {
          action: "model.create",
          entityType: "model_version",
          entityId: created.id,
          projectId,
          data: { name: input.name, version: input.version, status: input.status, connectorKind: input.connector.kind, secretKeys: secretNames },
        },
        tx,
      );
      if (!kind.upload && input.replay) {
        await requestRegistrationReplay(tx, { projectId, modelVersionId: created.id, createdById: actor.user.id });
      }
      return toModelVersionResource(created);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicate(input);
    throw error;
  }
}

function duplicate(input: { name: string; version: string }) {
  return new ConflictError(`Model version "${input.name}" "${input.version}" is already registered in this project.`);
}
