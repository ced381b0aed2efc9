// Counters of what the token endpoint did, for tests and benches (`GET /sandbox/admin/stats`):
// e.g. "the app refreshed exactly once although ten runs needed a new token".

export type TokenGrantType = "authorization_code" | "refresh_token" | "admin_mint";

export interface TokenStatsJson {
  grants: Record<string, number>;
  grantsByClient: Record<string, Record<string, number>>;
  /** Refused token requests by OAuth error code (`invalid_grant`, `invalid_client`, …). */
  refused: Record<string, number>;
}

export class TokenStats {
  private readonly counts: TokenStatsJson = { grants: {}, grantsByClient: {}, refused: {} };

  recordGrant(type: TokenGrantType, clientId: string): void {
    this.counts.grants[type] = (this.counts.grants[type] ?? 0) + 1;
    const perClient = this.counts.grantsByClient[clientId] ?? {};
    perClient[type] = (perClient[type] ?? 0) + 1;
    this.counts.grantsByClient[clientId] = perClient;
  }

  recordRefusal(error: string): void {
    this.counts.refused[error] = (this.counts.refused[error] ?? 0) + 1;
  }

  toJSON(): TokenStatsJson {
    return structuredClone(this.counts);
  }
}
