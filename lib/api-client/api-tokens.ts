import type { z } from "zod";
import type { createApiToken as createApiTokenRow, createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import type { revokeApiToken as revokeApiTokenRow } from "@/lib/api-tokens/revoke-api-token";
import { apiFetch, type Jsonified } from "./api-fetch";

export type CreateApiTokenBody = z.input<typeof createApiTokenSchema>;

/** The new token with its `secret`, returned this once. */
export function createApiToken(body: CreateApiTokenBody): Promise<Jsonified<Awaited<ReturnType<typeof createApiTokenRow>>>> {
  return apiFetch("/api/v1/tokens", { method: "POST", body });
}

export function revokeApiToken(tokenId: string): Promise<Jsonified<Awaited<ReturnType<typeof revokeApiTokenRow>>>> {
  return apiFetch(`/api/v1/tokens/${tokenId}`, { method: "DELETE" });
}
