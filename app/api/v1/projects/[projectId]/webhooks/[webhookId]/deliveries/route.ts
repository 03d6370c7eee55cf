import { apiRoute } from "@/lib/api/api-route";
import { pageOf, webhookDeliveryResponseSchema } from "@/lib/api/openapi/response-schemas";
import { listWebhookDeliveries } from "@/lib/alerts/list-webhook-deliveries";
import { idParams } from "@/lib/http/id-params";
import { paginationQuerySchema } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

const params = idParams("projectId", "webhookId");

export const GET = apiRoute({ permission: "webhooks.read", schemas: { params, query: paginationQuerySchema }, summary: "A webhook's delivery log (status, attempts, last error), newest first", response: { schema: pageOf(webhookDeliveryResponseSchema) } }, async ({ params, query }) =>
  listWebhookDeliveries(params.projectId, params.webhookId, query),
);
