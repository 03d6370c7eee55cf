import { apiRoute } from "@/lib/api/api-route";
import { auditEventResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { listAuditEvents, listAuditEventsQuerySchema } from "@/lib/audit/list-audit-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit.read", schemas: { query: listAuditEventsQuerySchema }, summary: "The audit trail, newest first", response: { schema: pageOf(auditEventResponseSchema) } }, async ({ query }) => listAuditEvents(query));
