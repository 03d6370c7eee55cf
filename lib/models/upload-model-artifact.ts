import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { CONNECTOR_KINDS, connectorKind } from "@/lib/connectors/connector-kinds";
import { onnxWorkerPool } from "@/lib/connectors/onnx/onnx-worker-pool";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArtifactKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { requestReplay } from "@/lib/replay/request-replay";
import { checkPredictionsFile, type PredictionsFileCheck } from "./check-predictions-file";
import type { ArtifactUpload } from "./read-artifact-upload";
import { requestRegistrationReplay } from "./request-registration-replay";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

export type ArtifactPreview = {
  dryRun: true;
  kind: "onnx" | "predictions";
  filename: string;
  byteSize: number;
  sha256: string;
  /** Whether storing it would replace the version's current file (predictions only, until a sign-off). */
  replaces: boolean;
  predictions: PredictionsFileCheck | null;
};

/**
 * Stores the .onnx model or predictions file of a model version, after
 * checking it can be used: the ONNX model loads and has the configured input
 * and outputs; the predictions file parses and names only this project's
 * patterns. Then the version is replayed. An ONNX file is stored once (a
 * different model is a different model version); a predictions file may be
 * replaced until someone signs off on the version: the old file stays stored
 * (and in the audit log), the new one gets a new replay run.
 */
export async function uploadModelArtifact(actor: Actor, modelVersionId: string, upload: ArtifactUpload) {
  const { model, config, sha256, replaces, predictions } = await checkArtifactUpload(modelVersionId, upload);
  return prisma().$transaction(async (tx) => {
    const artifact = await tx.modelArtifact.create({
      data: { projectId: model.projectId, kind: config.kind as ArtifactKind, filename: upload.filename, byteSize: upload.data.byteLength, sha256, data: upload.data },
      select: { id: true },
    });
    // Conditional on the file read above: a concurrent upload or replacement makes this one a 409, never a lost file.
    const updated = await tx.modelVersion.updateMany({
      where: { id: model.id, projectId: model.projectId, artifactId: model.artifactId },
      // A replaced file is a new connector configuration: results made with the old one read as stale.
      data: { artifactId: artifact.id, artifactChecksum: sha256, lockVersion: { increment: 1 }, ...(replaces ? { connectorRevision: { increment: 1 } } : {}) },
    });
    if (updated.count !== 1) throw new ConflictError("This model version's file changed meanwhile. Reload and upload again.");
    // Again under the row lock the update holds, for a sign-off that landed during the checks.
    if (replaces) await assertReplaceable(tx, model.id, model.projectId, config.kind);
    await recordAuditEvent(
      actor,
      {
        action: replaces ? "model.artifact_replace" : "model.artifact_upload",
        entityType: "model_version",
        entityId: model.id,
        projectId: model.projectId,
        data: {
          filename: upload.filename,
          byteSize: upload.data.byteLength,
          sha256,
          ...(replaces ? { replacedArtifactId: model.artifact?.id ?? null, replacedSha256: model.artifact?.sha256 ?? null } : {}),
          ...(predictions ? { rows: predictions.rows, notLabels: predictions.notLabels.length } : {}),
        },
      },
      tx,
    );
    if (replaces) {
      await requestReplay(tx, { projectId: model.projectId, modelVersionId: model.id, trigger: actor.token ? "api" : "manual", createdById: actor.user.id });
    } else {
      await requestRegistrationReplay(tx, { projectId: model.projectId, modelVersionId: model.id, createdById: actor.user.id });
    }
    const record = await tx.modelVersion.findUniqueOrThrow({ where: { id: model.id }, select: modelVersionResourceSelect });
    return toModelVersionResource(record);
  });
}

/** The dry run of an upload (`?dryRun=true`): every check, nothing stored. */
export async function previewModelArtifact(modelVersionId: string, upload: ArtifactUpload): Promise<ArtifactPreview> {
  const { config, sha256, replaces, predictions } = await checkArtifactUpload(modelVersionId, upload);
  return { dryRun: true, kind: config.kind as ArtifactPreview["kind"], filename: upload.filename, byteSize: upload.data.byteLength, sha256, replaces, predictions };
}

/** What the upload and its dry run share: 404, 409 when the file may not be replaced, 422 for a file that cannot be used. */
async function checkArtifactUpload(modelVersionId: string, upload: ArtifactUpload) {
  const model = await prisma().modelVersion.findUnique({
    where: { id: modelVersionId },
    select: {
      id: true,
      projectId: true,
      connector: true,
      artifactId: true,
      artifactChecksum: true,
      lockVersion: true,
      artifact: { select: { id: true, sha256: true } },
      project: { select: { id: true, outputKind: true, labels: true } },
    },
  });
  if (!model) throw new NotFoundError("Model version");
  const config = connectorConfigSchema.safeParse(model.connector).data;
  if (!config || !connectorKind(config.kind).upload) {
    const takingFiles = CONNECTOR_KINDS.filter((entry) => entry.upload).map((entry) => entry.kind);
    throw new ValidationError(`Only ${takingFiles.join(" and ")} model versions take an uploaded file; this one is ${config?.kind ?? "not configured"}.`);
  }
  const replaces = model.artifactId !== null;
  if (replaces) await assertReplaceable(prisma(), model.id, model.projectId, config.kind);
  if (upload.data.byteLength === 0) throw new ValidationError("The uploaded file is empty.", [{ path: "body.file", message: "is empty" }]);
  const sha256 = createHash("sha256").update(upload.data).digest("hex");
  // The registered checksum pins the first file; a replacement is checked against nothing but the project.
  if (!replaces && model.artifactChecksum && model.artifactChecksum !== sha256) {
    throw new ValidationError(`The file's SHA-256 (${sha256}) is not the artifactChecksum registered for this model version.`, [
      { path: "body.file", message: "checksum mismatch" },
    ]);
  }

  let predictions: PredictionsFileCheck | null = null;
  if (config.kind === "onnx") {
    let names: { inputNames: string[]; outputNames: string[] };
    try {
      names = await onnxWorkerPool().inspect({ sha256, data: upload.data }, 60_000);
    } catch (error) {
      throw new ValidationError(`The file is not a loadable ONNX model: ${(error as Error).message}`, [{ path: "body.file", message: "not a loadable ONNX model" }]);
    }
    const fields = [
      ...(names.inputNames.includes(config.inputName) ? [] : [{ path: "connector.inputName", message: `the model's inputs are ${names.inputNames.join(", ")}` }]),
      ...[config.labelOutput, config.probabilitiesOutput]
        .filter((n): n is string => Boolean(n) && !names.outputNames.includes(n!))
        .map((n) => ({ path: "connector", message: `the model has no output "${n}" (outputs: ${names.outputNames.join(", ")})` })),
    ];
    if (fields.length) throw new ValidationError("The ONNX model does not match the connector configuration.", fields);
  } else if (config.kind === "predictions") {
    predictions = await checkPredictionsFile(prisma(), model.project, upload.data, config.format);
  }
  return { model, config, sha256, replaces, predictions };
}

/** 409 unless the version's file may be replaced: only a predictions file, and only before any sign-off on the version. */
async function assertReplaceable(db: Prisma.TransactionClient, modelVersionId: string, projectId: string, kind: string) {
  if (kind !== "predictions") throw new ConflictError("This model version already has its file. Register a new model version for a different model.");
  const signOffs = await db.signOff.count({ where: { projectId, modelVersionId } });
  if (signOffs > 0) {
    throw new ConflictError("Someone has signed off on this model version, so its predictions file can no longer be replaced. Register a new model version for new predictions.");
  }
}
