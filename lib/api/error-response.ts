import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { errorResponse } from "@/lib/http/json-response";
import { logger } from "@/lib/log/logger.mjs";

/** The one place where thrown errors become HTTP: domain errors keep their status, the rest is a logged 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const current = "current" in error ? (error as { current?: unknown }).current : undefined;
    return errorResponse(error.status, error.code, error.message, error.fields, error.headers, current);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return errorResponse(404, "not_found", "Resource not found.");
    if (error.code === "P2002") return errorResponse(409, "conflict", "A record with the same unique values already exists.");
    // A number past its column's range that no schema bounded: the input is wrong, not the server.
    if (error.code === "P2020") return errorResponse(422, "validation_failed", "A number in the request is out of range for its field.");
  }
  const id = randomUUID();
  logger().error({ err: error, errorReference: id }, "unexpected error answered with 500");
  return errorResponse(500, "internal_error", `Unexpected server error (reference ${id}).`);
}
