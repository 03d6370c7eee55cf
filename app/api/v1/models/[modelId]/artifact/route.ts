import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { artifactPreviewResponseSchema, modelVersionResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { readArtifactUpload } from "@/lib/models/read-artifact-upload";
import { previewModelArtifact, uploadModelArtifact } from "@/lib/models/upload-model-artifact";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  filename: z.string().max(500).optional().describe("The stored file name when the body is the raw file"),
  dryRun: z.enum(["true", "false"]).optional().describe("true: check the file and answer the preview (200), store nothing"),
});

/** The .onnx model or predictions file: multipart (`file` field) or the raw body; at most 50 MB. A predictions file may be replaced until a sign-off. */
export const POST = apiRoute(
  {
    permission: "models.write",
    schemas: { params: idParams("modelId"), query: querySchema },
    summary: "Upload the .onnx model or predictions file (a predictions file may be replaced until a sign-off)",
    rawBody: {
      description: "multipart/form-data with a `file` field, or the file itself as the body (`?filename=`); at most 50 MB",
      mediaTypes: ["multipart/form-data", "application/octet-stream", "text/csv", "application/x-ndjson"],
    },
    response: {
      status: 201,
      schema: modelVersionResponseSchema,
      description: "Stored; the model version is replayed",
      others: [{ status: 200, schema: artifactPreviewResponseSchema, description: "The preview (?dryRun=true); nothing stored" }],
    },
  },
  async ({ params, query, request }, actor) => {
  const upload = await readArtifactUpload(request);
  if (query.dryRun === "true") return previewModelArtifact(params.modelId, upload);
  return jsonResponse(await uploadModelArtifact(actor, params.modelId, upload), 201);
  },
);
