import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { createSignoff } from "@/lib/signoffs/create-signoff";
import { createSignoffSchema } from "@/lib/signoffs/create-signoff.schema";
import { listSignoffResources, listSignoffsQuerySchema } from "@/lib/signoffs/list-signoff-resources";
import { refuseSignoffChange } from "@/lib/signoffs/refuse-signoff-change";
import { signoffResourceSchema } from "@/lib/signoffs/signoff-resource";
import { z } from "zod";

export const dynamic = "force-dynamic";

const params = idParams("problemId");

export const GET = apiRoute(
  {
    permission: "signoffs.read",
    schemas: { params, query: listSignoffsQuerySchema },
    summary: "List a problem's sign-offs, newest first (?modelVersionId=), each with stale and superseded",
    response: { schema: z.object({ items: z.array(signoffResourceSchema), nextCursor: z.string().nullable() }) },
  },
  async ({ params, query }) => listSignoffResources(params.problemId, query),
);

/** 201 with the record; 422 while the version's replay on the problem is incomplete or awaits grades. */
export const POST = apiRoute(
  { permission: "signoffs.write", schemas: { params, body: createSignoffSchema }, summary: "Approve or reject a problem for a model version (422 while its replay is incomplete or awaits grades)", response: { status: 201, schema: signoffResourceSchema } },
  async ({ params, body }, actor) => jsonResponse(await createSignoff(actor, params.problemId, body), 201),
);

export const PATCH = apiRoute(
  { permission: "signoffs.write", schemas: { params }, summary: "Not allowed: sign-offs are immutable (405)", response: { status: 405 } },
  async () => refuseSignoffChange("GET, POST"),
);

export const DELETE = apiRoute(
  { permission: "signoffs.write", schemas: { params }, summary: "Not allowed: sign-offs are immutable (405)", response: { status: 405 } },
  async () => refuseSignoffChange("GET, POST"),
);
