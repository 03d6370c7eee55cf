import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { readArtifactUpload } from "@/lib/models/read-artifact-upload";
import { uploadModelArtifact } from "@/lib/models/upload-model-artifact";

export const dynamic = "force-dynamic";

/** The .onnx model or predictions file: multipart (`file` field) or the raw body; at most 50 MB. */
export const POST = apiRoute({ permission: "models.write", schemas: { params: idParams("modelId") } }, async ({ params, request }, actor) =>
  jsonResponse(await uploadModelArtifact(actor, params.modelId, await readArtifactUpload(request)), 201),
);
