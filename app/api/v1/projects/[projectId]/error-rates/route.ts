import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getProjectErrorRates } from "@/lib/replay/get-project-error-rates";

export const dynamic = "force-dynamic";

/** Per problem × model version: passed, failed, errored, errorRate and its 95% Wilson interval (low, high). */
export const GET = apiRoute({ permission: "projects.read", schemas: { params: idParams("projectId") } }, async ({ params }) => ({
  items: await getProjectErrorRates(params.projectId),
  nextCursor: null,
}));
