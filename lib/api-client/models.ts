import type { z } from "zod";
import type { createModelVersionSchema } from "@/lib/models/create-model-version.schema";
import type { ModelVersionResource } from "@/lib/models/model-version-resource";
import type { OutputDistribution } from "@/lib/models/output-distribution.schema";
import type { testModelConnection as testModelConnectionRow } from "@/lib/models/test-model-connection";
import type { testModelConnectionSchema } from "@/lib/models/test-model-connection.schema";
import type { testUnsavedConnectorSchema } from "@/lib/models/test-unsaved-connector.schema";
import type { updateModelVersionSchema } from "@/lib/models/update-model-version.schema";
import { apiFetch, type Jsonified } from "./api-fetch";
import { apiUpload } from "./api-upload";

export type CreateModelVersionBody = z.input<typeof createModelVersionSchema>;
export type UpdateModelVersionBody = z.input<typeof updateModelVersionSchema>;
export type TestModelConnectionBody = z.input<typeof testModelConnectionSchema>;
export type TestModelConnectionResult = Jsonified<Awaited<ReturnType<typeof testModelConnectionRow>>>;
export type TestUnsavedConnectorBody = z.input<typeof testUnsavedConnectorSchema>;

/** Registers a model version (its replay of every current pattern is queued unless `replay` is false). */
export function createModelVersion(projectId: string, body: CreateModelVersionBody): Promise<Jsonified<ModelVersionResource>> {
  return apiFetch(`/api/v1/projects/${projectId}/models`, { method: "POST", body });
}

/** 409 with `current` when `lockVersion` is stale. */
export function updateModelVersion(modelVersionId: string, body: UpdateModelVersionBody): Promise<Jsonified<ModelVersionResource>> {
  return apiFetch(`/api/v1/models/${modelVersionId}`, { method: "PATCH", body });
}

/** The .onnx or predictions file of a model version, as raw bytes. */
export function uploadModelArtifact(modelVersionId: string, file: File): Promise<Jsonified<ModelVersionResource>> {
  return apiUpload(`/api/v1/models/${modelVersionId}/artifact?filename=${encodeURIComponent(file.name)}`, file, "application/octet-stream");
}

/** Sends one pattern (the project's first by default) to the model version and answers what happened. */
export function testModelConnection(modelVersionId: string, body: TestModelConnectionBody = {}): Promise<TestModelConnectionResult> {
  return apiFetch(`/api/v1/models/${modelVersionId}/test-connection`, { method: "POST", body });
}

/** Test connection before registering: the connector in the body, one pattern or a sample input; same answer as testModelConnection. */
export function testUnsavedConnector(projectId: string, body: TestUnsavedConnectorBody): Promise<TestModelConnectionResult> {
  return apiFetch(`/api/v1/projects/${projectId}/connectors/test`, { method: "POST", body });
}

/** How a model version's outputs spread over the current pattern set (labels, a number histogram, or the commonest texts). */
export function getOutputDistribution(modelVersionId: string): Promise<Jsonified<OutputDistribution>> {
  return apiFetch(`/api/v1/models/${modelVersionId}/output-distribution`);
}
