import { apiRoute } from "@/lib/api/api-route";
import { testConnectionResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { testUnsavedConnector } from "@/lib/models/test-unsaved-connector";
import { testUnsavedConnectorSchema } from "@/lib/models/test-unsaved-connector.schema";

export const dynamic = "force-dynamic";

/** Test connection before registering: one pattern or a sample input sent through an unsaved connector; stores nothing. */
export const POST = apiRoute(
  {
    permission: "models.write",
    schemas: { params: idParams("projectId"), body: testUnsavedConnectorSchema },
    summary: "Test an unsaved connector (before registering): send one pattern or a sampleInput; output, verdict, raw exchange with secrets masked",
    response: { schema: testConnectionResponseSchema },
  },
  async ({ params, body }) => testUnsavedConnector(params.projectId, body),
);
