import { apiRoute } from "@/lib/api/api-route";
import { modelVersionResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { createModelVersion } from "@/lib/models/create-model-version";
import { createModelVersionSchema } from "@/lib/models/create-model-version.schema";
import { listModelVersionResources } from "@/lib/models/list-model-version-resources";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "models.read", schemas: { params: idParams("projectId"), query: paginationQuerySchema }, summary: "The project's model versions", response: { schema: pageOf(modelVersionResponseSchema) } }, async ({ params, query }) =>
  listModelVersionResources(params.projectId, query),
);

/** Registers a model version; `connectorSecrets` are stored encrypted and answered as `secretKeys` only. */
export const POST = apiRoute({ permission: "models.write", schemas: { params: idParams("projectId"), body: createModelVersionSchema }, summary: "Register a model version (replayed at once when callable, unless replay is false)", response: { status: 201, schema: modelVersionResponseSchema } }, async ({ params, body }, actor) =>
  jsonResponse(await createModelVersion(actor, params.projectId, body), 201),
);
