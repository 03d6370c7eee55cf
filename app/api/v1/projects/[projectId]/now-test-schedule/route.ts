import { apiRoute } from "@/lib/api/api-route";
import { nowTestScheduleResponseSchema } from "@/lib/api/openapi/response-schemas";
import { idParams } from "@/lib/http/id-params";
import { getNowTestSchedule, saveNowTestSchedule } from "@/lib/now-tests/now-test-schedule";
import { nowTestScheduleSchema } from "@/lib/now-tests/now-test-schedule.schema";

export const dynamic = "force-dynamic";

const params = idParams("projectId");

export const GET = apiRoute({ permission: "projects.read", schemas: { params }, summary: "The project's now-test schedule (off by default)", response: { schema: nowTestScheduleResponseSchema } }, async ({ params }) =>
  getNowTestSchedule(params.projectId),
);

export const PUT = apiRoute({ permission: "nowtests.write", schemas: { params, body: nowTestScheduleSchema }, summary: "Set the now-test schedule: { cron (UTC), enabled }", response: { schema: nowTestScheduleResponseSchema } }, async ({ params, body }, actor) =>
  saveNowTestSchedule(actor, params.projectId, body),
);
