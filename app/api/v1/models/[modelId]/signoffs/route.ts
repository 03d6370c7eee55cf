import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { createSignoffBatch } from "@/lib/signoffs/create-signoff-batch";
import { createSignoffBatchSchema } from "@/lib/signoffs/create-signoff.schema";
import { signoffResourceSchema } from "@/lib/signoffs/signoff-resource";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** 201 with one record per problem; all or nothing (422 names every problem that cannot be signed off yet). */
export const POST = apiRoute(
  {
    permission: "signoffs.write",
    schemas: { params: idParams("modelId"), body: createSignoffBatchSchema },
    summary: "Approve or reject several problems of a model version at once, one record per problem",
    response: { status: 201, schema: z.object({ items: z.array(signoffResourceSchema) }) },
  },
  async ({ params, body }, actor) => jsonResponse(await createSignoffBatch(actor, params.modelId, body), 201),
);
