import { apiRoute } from "@/lib/api/api-route";
import { listAuditEvents, listAuditEventsQuerySchema } from "@/lib/audit/list-audit-events";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit.read", schemas: { query: listAuditEventsQuerySchema } }, async ({ query }) => listAuditEvents(query));
