/**
 * Why Xero's callback stored nothing, in words for the user. `refusal` tells the web route which
 * HTTP status to answer with: "invalid" for a callback we cannot accept (unknown or reused state,
 * Xero's own error, no organisation chosen), "forbidden" when the user may not add connections to
 * the workspace the authorization was started for.
 */
export class XeroAuthorizationError extends Error {
  readonly refusal: "invalid" | "forbidden";
  constructor(message: string, refusal: "invalid" | "forbidden" = "invalid") {
    super(message);
    this.name = "XeroAuthorizationError";
    this.refusal = refusal;
  }
}
