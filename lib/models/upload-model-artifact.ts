import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { CONNECTOR_KINDS, connectorKind } from "@/lib/connectors/connector-kinds";
import { onnxWorkerPool } from "@/lib/connectors/onnx/onnx-worker-pool";
import { PredictionsFileError, parsePredictionsFile } from "@/lib/connectors/predictions/parse-predictions-file";
import type { ArtifactKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { ArtifactUpload } from "./read-artifact-upload";
import { requestRegistrationReplay } from "./request-registration-replay";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/**
 * Stores the .onnx model or predictions file of a model version (once: a
 * different file is a different model version), after checking it can be
 * used: the ONNX model loads and has the configured input and outputs; the
 * predictions file parses. Then the version is replayed.
 */
export async function uploadModelArtifact(actor: Actor, modelVersionId: string, upload: ArtifactUpload) {
  const model = await prisma().modelVersion.findUnique({
    where: { id: modelVersionId },
    select: { id: true, projectId: true, connector: true, artifactId: true, artifactChecksum: true, lockVersion: true },
  });
  if (!model) throw new NotFoundError("Model version");
  const config = connectorConfigSchema.safeParse(model.connector).data;
  if (!config || !connectorKind(config.kind).upload) {
    const takingFiles = CONNECTOR_KINDS.filter((entry) => entry.upload).map((entry) => entry.kind);
    throw new ValidationError(`Only ${takingFiles.join(" and ")} model versions take an uploaded file; this one is ${config?.kind ?? "not configured"}.`);
  }
  if (model.artifactId) throw new ConflictError("This model version already has its file. Register a new model version for a different file.");
  if (upload.data.byteLength === 0) throw new ValidationError("The uploaded file is empty.", [{ path: "body.file", message: "is empty" }]);
  const sha256 = createHash("sha256").update(upload.data).digest("hex");
  if (model.artifactChecksum && model.artifactChecksum !== sha256) {
    throw new ValidationError(`The file's SHA-256 (${sha256}) is not the artifactChecksum registered for this model version.`, [
      { path: "body.file", message: "checksum mismatch" },
    ]);
  }

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
    try {
      parsePredictionsFile(new TextDecoder().decode(upload.data), config.format);
    } catch (error) {
      if (!(error instanceof PredictionsFileError)) throw error;
      throw new ValidationError(
        "The predictions file is invalid.",
        error.problems.slice(0, 50).map((p) => ({ path: `body.file.line${p.line}`, message: p.message })),
      );
    }
  }

  return prisma().$transaction(async (tx) => {
    const artifact = await tx.modelArtifact.create({
      data: { projectId: model.projectId, kind: config.kind as ArtifactKind, filename: upload.filename, byteSize: upload.data.byteLength, sha256, data: upload.data },
      select: { id: true },
    });
    const updated = await tx.modelVersion.updateMany({
      where: { id: model.id, projectId: model.projectId, artifactId: null },
      data: { artifactId: artifact.id, artifactChecksum: sha256, lockVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ConflictError("This model version already has its file. Register a new model version for a different file.");
    await recordAuditEvent(
      actor,
      { action: "model.artifact_upload", entityType: "model_version", entityId: model.id, projectId: model.projectId, data: { filename: upload.filename, byteSize: upload.data.byteLength, sha256 } },
      tx,
    );
    await requestRegistrationReplay(tx, { projectId: model.projectId, modelVersionId: model.id, createdById: actor.user.id });
    const record = await tx.modelVersion.findUniqueOrThrow({ where: { id: model.id }, select: modelVersionResourceSelect });
    return toModelVersionResource(record);
  });
}
