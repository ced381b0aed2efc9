import { randomUUID } from "node:crypto";

/** Xero's body for a missing route or record: plain text, not JSON. */
export const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

/** A validation failure on one submitted element, with Xero's own wording. */
export class XeroValidationError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("; "));
  }
}

/** Thrown when a request cannot be answered at all (bad `where`, bad body): becomes a 400 `Error` without Elements. */
export class XeroRequestError extends Error {
  constructor(
    message: string,
    readonly type = "ValidationException",
    readonly errorNumber = 10,
  ) {
    super(message);
  }
}

/** Thrown by a route when the addressed record does not exist: becomes the plain-text 404. */
export class XeroNotFoundError extends Error {
  constructor() {
    super(NOT_FOUND_TEXT);
  }
}

const PROBLEM_TITLES = {
  401: "Unauthorized",
  403: "Forbidden",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
} as const;

/** Xero's problem JSON for 401, 403 and the other non-validation errors (not in the OpenAPI spec; observed behaviour). */
export function problemJson(status: keyof typeof PROBLEM_TITLES, detail: string) {
  return {
    Type: null,
    Title: PROBLEM_TITLES[status],
    Status: status,
    Detail: detail,
    Instance: randomUUID(),
    Extensions: {},
  };
}

/** The spec's `Error` body for a batch in which some elements failed validation. */
export function validationExceptionBody(elements: object[]) {
  return {
    ErrorNumber: 10,
    Type: "ValidationException",
    Message: "A validation exception occurred",
    Elements: elements,
  };
}

/** The spec's `Error` body for a request-level failure. */
export function requestErrorBody(error: XeroRequestError) {
  return { ErrorNumber: error.errorNumber, Type: error.type, Message: error.message };
}
