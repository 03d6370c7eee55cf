import { apiRoute } from "@/lib/api/api-route";
import { webhookDeliveryResponseSchema } from "@/lib/api/openapi/response-schemas";
import { sendTestWebhook } from "@/lib/alerts/send-test-webhook";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";

export const dynamic = "force-dynamic";

const params = idParams("projectId", "webhookId");

/** 202 with the queued delivery (event webhook.test); follow it in the delivery log. */
export const POST = apiRoute({ permission: "webhooks.write", schemas: { params }, summary: "Send a test delivery (202: follow it in the delivery log)", response: { status: 202, schema: webhookDeliveryResponseSchema } }, async ({ params }, actor) =>
  jsonResponse(await sendTestWebhook(actor, params.projectId, params.webhookId), 202),
);
