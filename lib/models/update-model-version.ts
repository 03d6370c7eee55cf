import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { connectorSecretReferences } from "@/lib/connectors/connector-secret-references";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { sealSecrets } from "@/lib/crypto/secret-box";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { tightenRatchetTargets } from "@/lib/problems/tighten-ratchet-targets";
import { assertConnectorSecrets } from "./assert-connector-secrets";
import { assertConnectorUrlAllowed } from "./assert-connector-url-allowed";
import { connectorOrigin } from "@/lib/connectors/connector-url";
import { demoteProductionVersions } from "./demote-production-versions";
import { MODEL_STATUS_TRANSITIONS, canChangeModelStatus } from "./model-status-transitions";
import { readConnectorSecrets } from "@/lib/connectors/read-connector-secrets";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";
import type { UpdateModelVersion } from "./update-model-version.schema";

/**
 * PATCH /models/{modelId} with optimistic concurrency: the client's lockVersion
 * must be current (else 409 with the current state). Going to production
 * retires the version that was there and tightens ratchet targets, in the same transaction.
 */
export async function updateModelVersion(actor: Actor, modelVersionId: string, input: UpdateModelVersion) {
  if (input.connector) assertConnectorUrlAllowed(input.connector);
  try {
    return await prisma().$transaction(async (tx) => {
      const current = await tx.modelVersion.findUnique({ where: { id: modelVersionId }, select: modelVersionResourceSelect });
      if (!current) throw new NotFoundError("Model version");
      const { projectId } = current;
      if (current.lockVersion !== input.lockVersion) throw stale(toModelVersionResource(current));
      if (input.status && !canChangeModelStatus(current.status, input.status)) {
        const allowed = MODEL_STATUS_TRANSITIONS[current.status];
        throw new ValidationError(`A ${current.status} model version cannot become ${input.status}.`, [
          { path: "body.status", message: `from ${current.status} only ${allowed.join(" or ")} is allowed` },
        ]);
      }

      const data: Prisma.ModelVersionUpdateManyMutationInput = {};
      const changed: string[] = [];
      const set = <K extends keyof Prisma.ModelVersionUpdateManyMutationInput>(field: K, value: Prisma.ModelVersionUpdateManyMutationInput[K]) => {
        data[field] = value;
        changed.push(field);
      };
      if (input.name !== undefined && input.name !== current.name) set("name", input.name);
      if (input.version !== undefined && input.version !== current.version) set("version", input.version);
      if (input.trainedAt !== undefined) set("trainedAt", input.trainedAt);
      if (input.metrics !== undefined) set("metrics", input.metrics ?? Prisma.DbNull);
      if (input.sourceUrl !== undefined) set("sourceUrl", input.sourceUrl);
      if (input.concurrency !== undefined) set("concurrency", input.concurrency);
      if (input.timeoutMs !== undefined) set("timeoutMs", input.timeoutMs);

      const stored = readConnectorSecrets(current.connectorSecrets);
      const currentConnector = connectorConfigSchema.safeParse(current.connector).data;
      // Stored secrets never follow the connector to another origin: they would be sent to (and could be echoed back by) a server they were not given for.
      const originChanged = input.connector !== undefined && connectorOrigin(input.connector) !== connectorOrigin(currentConnector);
      if (originChanged) assertSecretsReentered(stored, input.connectorSecrets ?? {}, connectorOrigin(currentConnector), connectorOrigin(input.connector!));
      let secrets = originChanged ? {} : stored;
      if (input.connectorSecrets) {
        secrets = { ...secrets };
        for (const [name, value] of Object.entries(input.connectorSecrets)) {
          if (value === null) delete secrets[name];
          else secrets[name] = value;
        }
      }
      if (input.connectorSecrets || (originChanged && Object.keys(stored).length)) set("connectorSecrets", Object.keys(secrets).length ? sealSecrets(secrets) : null);
      const connector = input.connector ?? currentConnector;
      if (input.connector) {
        set("connector", input.connector);
        set("connectorKind", input.connector.kind);
      }
      if (connector && (input.connector || input.connectorSecrets)) assertConnectorSecrets(connectorSecretReferences(connector), secrets);
      // Results made before this change read as stale until a replay replaces them.
      if (changed.includes("connector") || changed.includes("connectorSecrets")) data.connectorRevision = { increment: 1 };

      const statusChanges = input.status !== undefined && input.status !== current.status;
      if (statusChanges) data.status = input.status;
      if (!changed.length && !statusChanges) return toModelVersionResource(current);

      const name = input.name ?? current.name;
      const version = input.version ?? current.version;
      if (changed.includes("name") || changed.includes("version")) {
        const clash = await tx.modelVersion.findFirst({ where: { projectId, name, version, id: { not: current.id } }, select: { id: true } });
        if (clash) throw duplicate(name, version);
      }
      if (input.status === "production" && statusChanges) await demoteProductionVersions(tx, actor, { projectId, name, id: current.id });

      const updated = await tx.modelVersion.updateMany({
        where: { id: current.id, projectId, lockVersion: input.lockVersion },
        data: { ...data, lockVersion: { increment: 1 } },
      });
      if (updated.count !== 1) throw stale(await currentResponse(current.id));

      if (changed.length) {
        await recordAuditEvent(actor, { action: "model.update", entityType: "model_version", entityId: current.id, projectId, data: { fields: changed } }, tx);
      }
      if (statusChanges) {
        await recordAuditEvent(actor, { action: "model.status_change", entityType: "model_version", entityId: current.id, projectId, data: { from: current.status, to: input.status! } }, tx);
      }
      if (input.status === "production" && statusChanges) await tightenRatchetTargets(tx, actor, { id: current.id, projectId, name, version });
      const after = await tx.modelVersion.findUniqueOrThrow({ where: { id: current.id }, select: modelVersionResourceSelect });
      return toModelVersionResource(after);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("Another model version of this project already has this name and version.");
    }
    throw error;
  }
}

/** After an origin change every stored secret must come again in the request (a value, or null to remove it): 422 naming the others. */
function assertSecretsReentered(stored: Record<string, string>, given: Record<string, string | null>, from: string | null, to: string | null) {
  const missing = Object.keys(stored).filter((name) => !Object.hasOwn(given, name));
  if (missing.length) {
    throw new ValidationError(
      "The connector's URL moves to another origin: stored secrets are not sent there unless entered again.",
      missing.map((name) => ({ path: `body.connectorSecrets.${name}`, message: `enter this secret again (or null to remove it): the connector moves from ${from} to ${to}` })),
    );
  }
}

async function currentResponse(id: string) {
  const record = await prisma().modelVersion.findUnique({ where: { id }, select: modelVersionResourceSelect });
  return record ? toModelVersionResource(record) : undefined;
}

function stale(current: unknown) {
  return new ConflictError("The model version was changed since you read it: reload and apply your change again.", current);
}

function duplicate(name: string, version: string) {
  return new ConflictError(`Model version "${name}" "${version}" is already registered in this project.`);
}
