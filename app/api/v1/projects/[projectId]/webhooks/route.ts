import { apiRoute } from "@/lib/api/api-route";
import { createdWebhookResponseSchema, pageOf, webhookResponseSchema } from "@/lib/api/openapi/response-schemas";
import { createWebhook } from "@/lib/alerts/create-webhook";
import { listWebhookResources } from "@/lib/alerts/list-webhook-resources";
import { createWebhookSchema } from "@/lib/alerts/webhook.schema";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";

export const dynamic = "force-dynamic";

const params = idParams("projectId");

export const GET = apiRoute({ permission: "webhooks.read", schemas: { params }, summary: "The project's webhooks (never their secrets; URLs cut to their origin for roles that cannot manage hooks)", response: { schema: pageOf(webhookResponseSchema) } }, async ({ params }, actor) =>
  listWebhookResources(params.projectId, actor),
);

/** 201 with the signing secret, shown this once. */
export const POST = apiRoute({ permission: "webhooks.write", schemas: { params, body: createWebhookSchema }, summary: "Add a webhook; 201 with its signing secret, shown once", response: { status: 201, schema: createdWebhookResponseSchema } }, async ({ params, body }, actor) =>
  jsonResponse(await createWebhook(actor, params.projectId, body), 201),
);
