import { apiRoute } from "@/lib/api/api-route";
import { testConnectionResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { testModelConnection } from "@/lib/models/test-model-connection";
import { testModelConnectionSchema } from "@/lib/models/test-model-connection.schema";

export const dynamic = "force-dynamic";

/** Sends one pattern to the model version and returns the output, verdict and the raw exchange (secrets masked). */
export const POST = apiRoute({ permission: "models.write", schemas: { params: idParams("modelId"), body: testModelConnectionSchema }, summary: "Send one pattern to the model version: output, verdict, raw exchange", response: { schema: testConnectionResponseSchema } }, async ({ params, body }) =>
  testModelConnection(params.modelId, body),
);
