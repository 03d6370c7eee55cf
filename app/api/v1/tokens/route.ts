import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { apiTokenResponseSchema, createdApiTokenResponseSchema, pageOf } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { createApiToken, createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";

export const dynamic = "force-dynamic";

const querySchema = z.object({ all: z.enum(["true", "false"]).optional() });

export const GET = apiRoute({ permission: "tokens.manage", schemas: { query: querySchema }, summary: "Your API tokens (?all=true: everyone's, for admins)", response: { schema: pageOf(apiTokenResponseSchema) } }, async ({ query }, actor) => ({
  items: await listApiTokens(actor, { all: query.all === "true" }),
  nextCursor: null,
}));

/** The response carries `secret` once; it is stored only as a SHA-256 hash. */
export const POST = apiRoute({ permission: "tokens.manage", schemas: { body: createApiTokenSchema }, summary: "Create a token (its secret is in this answer only)", response: { status: 201, schema: createdApiTokenResponseSchema } }, async ({ body }, actor) =>
  jsonResponse(await createApiToken(actor, body), 201),
);
