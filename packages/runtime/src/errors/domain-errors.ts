/**
 * Errors that domain functions throw for expected outcomes. Callers (the web wrapper, the worker)
 * translate them in one place each; anything else is a bug and surfaces as a generic failure.
 * Messages are shown to users as they are, so they must never contain secrets.
 */
export abstract class DomainError extends Error {
  abstract readonly code: "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "INVALID_INPUT" | "RATE_LIMITED";
}

/** The thing does not exist in the caller's workspace (also used for other workspaces' ids). */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(what: string) {
    super(`${what} not found.`);
    this.name = "NotFoundError";
  }
}

/** The request clashes with the current state (a duplicate email, an already-used token). */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor(message = "Your role in this workspace does not allow this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Input that passed its schema but is wrong for the domain; `field` names the culprit. */
export class InvalidInputError extends DomainError {
  readonly code = "INVALID_INPUT";
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = "InvalidInputError";
    this.field = field;
  }
}

/** Too many attempts; the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
