// Typed errors thrown by domain code; only the boundary (lib/api/api-route.ts,
// forms) turns them into HTTP statuses or form messages.

export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldError[], status: 400 | 422 = 422) {
    super(status === 400 ? "bad_request" : "validation_failed", message, status, fields);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in or send an API token (Authorization: Bearer …).") {
    super("unauthenticated", message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this.") {
    super("forbidden", message, 403);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Resource") {
    super("not_found", `${what} not found.`, 404);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, readonly current?: unknown) {
    super("conflict", message, 409);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super("payload_too_large", `The request body is larger than ${limitBytes} bytes.`, 413);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} s.`, 429, undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}

export class MethodNotAllowedError extends DomainError {
  constructor(message: string, allow: string) {
    super("method_not_allowed", message, 405, undefined, { Allow: allow });
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(expected: string) {
    super("unsupported_media_type", `Send the body as ${expected} (Content-Type header).`, 415);
  }
}
