import { apiRoute } from "@/lib/api/api-route";
import { modelVersionResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { getModelVersion } from "@/lib/models/get-model-version";
import { updateModelVersion } from "@/lib/models/update-model-version";
import { updateModelVersionSchema } from "@/lib/models/update-model-version.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("modelId") }, summary: "A model version", response: { schema: modelVersionResponseSchema } }, async ({ params }) => getModelVersion(params.modelId));

/** Needs the `lockVersion` the client read: 409 with `error.current` when someone changed it since. */
export const PATCH = apiRoute({ permission: "models.write", schemas: { params: idParams("modelId"), body: updateModelVersionSchema }, summary: "Edit a model version (optimistic lockVersion)", response: { schema: modelVersionResponseSchema } }, async ({ params, body }, actor) =>
  updateModelVersion(actor, params.modelId, body),
);
