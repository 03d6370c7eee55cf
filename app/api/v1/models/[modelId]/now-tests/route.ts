import { apiRoute } from "@/lib/api/api-route";
import { nowTestResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { listNowTestResources } from "@/lib/now-tests/list-now-test-resources";
import { requestNowTest } from "@/lib/now-tests/request-now-test";

export const dynamic = "force-dynamic";

const params = idParams("modelId");

export const GET = apiRoute({ permission: "models.read", schemas: { params, query: paginationQuerySchema }, summary: "The version's now-tests with their findings (changedOutputs, crossedTarget), newest first", response: { schema: pageOf(nowTestResponseSchema) } }, async ({ params, query }) =>
  listNowTestResources(params.modelId, query),
);

/** 202 with the running now-test; 409 unless the version is in production and no now-test of it is running. */
export const POST = apiRoute({ permission: "nowtests.write", schemas: { params }, summary: "Run a now-test of this production version at once (202)", response: { status: 202, schema: nowTestResponseSchema }, errors: [409] }, async ({ params }, actor) =>
  jsonResponse(await requestNowTest(actor, params.modelId), 202),
);
