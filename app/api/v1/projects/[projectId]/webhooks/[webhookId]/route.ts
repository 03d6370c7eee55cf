import { apiRoute } from "@/lib/api/api-route";
import { deleteWebhook } from "@/lib/alerts/delete-webhook";
import { idParams } from "@/lib/http/id-params";

export const dynamic = "force-dynamic";

const params = idParams("projectId", "webhookId");

/** 204; its delivery log goes with it. */
export const DELETE = apiRoute({ permission: "webhooks.write", schemas: { params }, summary: "Remove a webhook and its delivery log", response: { status: 204 } }, async ({ params }, actor) =>
  deleteWebhook(actor, params.projectId, params.webhookId),
);
