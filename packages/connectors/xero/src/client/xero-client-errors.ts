/**
 * Xero refused a refresh token (rotated out past the grace period, revoked or expired): the
 * connection must be authorised again by a person; retrying cannot help.
 */
export class XeroInvalidGrantError extends Error {
  constructor(readonly description?: string) {
    super(`Xero refused the refresh token (invalid_grant)${description ? `: ${description}` : ""}`);
    this.name = "XeroInvalidGrantError";
  }
}

/** A call to Xero's identity side (/connections) failed with this HTTP status. */
export class XeroIdentityRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`Xero answered ${status} to ${operation}${detail ? `: ${detail}` : ""}`);
    this.name = "XeroIdentityRequestError";
  }

  /** 401: the access token is expired or no longer valid. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}
