import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getSignoffResource } from "@/lib/signoffs/get-signoff-resource";
import { refuseSignoffChange } from "@/lib/signoffs/refuse-signoff-change";
import { signoffResourceSchema } from "@/lib/signoffs/signoff-resource";

export const dynamic = "force-dynamic";

const params = idParams("signoffId");

export const GET = apiRoute(
  { permission: "signoffs.read", schemas: { params }, summary: "Get a sign-off with the evidence it froze, stale and superseded as of now", response: { schema: signoffResourceSchema } },
  async ({ params }) => getSignoffResource(params.signoffId),
);

export const PATCH = apiRoute(
  { permission: "signoffs.write", schemas: { params }, summary: "Not allowed: sign-offs are immutable (405)", response: { status: 405 } },
  async () => refuseSignoffChange("GET"),
);

export const DELETE = apiRoute(
  { permission: "signoffs.write", schemas: { params }, summary: "Not allowed: sign-offs are immutable (405)", response: { status: 405 } },
  async () => refuseSignoffChange("GET"),
);
