import { createHash, randomBytes, randomUUID } from "node:crypto";

// Everything the identity service remembers: users, the tenant connections each user has given
// each app, authorization codes, grants (one per completed consent, the family a refresh token
// chain belongs to), refresh tokens (stored hashed) and live access tokens (by jti, so an admin
// can expire them early). Plain data, so the whole store round-trips through JSON.

export interface SandboxUser {
  userId: string;
  email: string;
  givenName: string;
  familyName: string;
}

export interface TenantConnection {
  id: string;
  authEventId: string;
  tenantId: string;
  userId: string;
  clientId: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  authEventId: string;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  expiresAt: number;
  usedAt: number | null;
}

export interface Grant {
  grantId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  authEventId: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface RefreshTokenRecord {
  grantId: string;
  expiresAt: number;
  /** When a refresh replaced this token; it keeps working for the grace period after that. */
  rotatedAt: number | null;
  revokedAt: number | null;
}

interface AccessTokenRecord {
  grantId: string;
  expiresAt: number;
  /** Set when an admin expired the token before its time. */
  expiredEarlyAt?: number;
}

export type AccessTokenStatus =
  | { state: "live"; grant: Grant }
  | { state: "expired"; expiredAt: number }
  | { state: "unknown" };

export interface IdentityStoreJson {
  users: SandboxUser[];
  connections: TenantConnection[];
  codes: Record<string, AuthorizationCode>;
  grants: Record<string, Grant>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  accessTokens: Record<string, AccessTokenRecord>;
}

export const DEMO_USERS: readonly SandboxUser[] = [
  {
    userId: "6f2c1a7e-3b1d-4b8a-9f0e-1d2c3b4a5e01",
    email: "demo@ledgerflow.test",
    givenName: "Dana",
    familyName: "Demo",
  },
  {
    userId: "6f2c1a7e-3b1d-4b8a-9f0e-1d2c3b4a5e02",
    email: "ops@ledgerflow.test",
    givenName: "Omar",
    familyName: "Ops",
  },
];

/** Opaque secrets (codes, refresh tokens) are only ever stored as their SHA-256. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export class IdentityStore {
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly state: IdentityStoreJson) {}

  static create(): IdentityStore {
    return new IdentityStore({
      users: DEMO_USERS.map((user) => ({ ...user })),
      connections: [],
      codes: {},
      grants: {},
      refreshTokens: {},
      accessTokens: {},
    });
  }

  static fromJSON(json: IdentityStoreJson): IdentityStore {
    return new IdentityStore(structuredClone(json));
  }

  toJSON(): IdentityStoreJson {
    return this.state;
  }

  /** Called after every change, e.g. to schedule a save of the state file. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  // Users

  findUser(userId: string): SandboxUser | undefined {
    return this.state.users.find((user) => user.userId === userId);
  }

  /** Signs in by email: a known user, or a new one named after the email's local part. */
  findOrCreateUser(email: string): SandboxUser {
    const normalised = email.trim().toLowerCase();
    const existing = this.state.users.find((user) => user.email === normalised);
    if (existing) return existing;
    const [localPart = normalised] = normalised.split("@");
    const [given = localPart, ...rest] = localPart.split(/[._-]+/).filter(Boolean);
    const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
    const user: SandboxUser = {
      userId: randomUUID(),
      email: normalised,
      givenName: capitalise(given),
      familyName: capitalise(rest.join(" ") || "User"),
    };
    this.state.users.push(user);
    this.changed();
    return user;
  }

  // Tenant connections (kept per user and app, as Xero keeps them server-side)

  /** Connects the tenants, refreshing connections that already exist with the new auth event. */
  connectTenants(input: { userId: string; clientId: string; tenantIds: string[]; authEventId: string }): void {
    const now = new Date().toISOString();
    for (const tenantId of input.tenantIds) {
      const existing = this.state.connections.find(
        (c) => c.userId === input.userId && c.clientId === input.clientId && c.tenantId === tenantId,
      );
      if (existing) Object.assign(existing, { authEventId: input.authEventId, updatedDateUtc: now });
      else
        this.state.connections.push({ id: randomUUID(), ...input, tenantId, createdDateUtc: now, updatedDateUtc: now });
    }
    this.changed();
  }

  connectionsOf(userId: string, clientId: string): TenantConnection[] {
    return this.state.connections.filter((c) => c.userId === userId && c.clientId === clientId);
  }

  connectionsOfTenant(tenantId: string): TenantConnection[] {
    return this.state.connections.filter((c) => c.tenantId === tenantId);
  }

  /** Removes one of this user's and app's connections; false when there is no such connection. */
  deleteConnection(input: { id: string; userId: string; clientId: string }): boolean {
    const index = this.state.connections.findIndex(
      (c) => c.id === input.id && c.userId === input.userId && c.clientId === input.clientId,
    );
    if (index === -1) return false;
    this.state.connections.splice(index, 1);
    this.changed();
    return true;
  }

  removeConnectionsOf(userId: string, clientId: string): void {
    this.state.connections = this.state.connections.filter((c) => !(c.userId === userId && c.clientId === clientId));
    this.changed();
  }

  // Authorization codes

  createCode(input: Omit<AuthorizationCode, "usedAt">): string {
    const code = newSecret();
    this.pruneExpired();
    this.state.codes[hashSecret(code)] = { ...input, usedAt: null };
    this.changed();
    return code;
  }

  /** Marks the code used and returns it, or says why it can't be used. */
  redeemCode(code: string): { ok: true; code: AuthorizationCode } | { ok: false; reason: string } {
    const record = this.state.codes[hashSecret(code)];
    if (!record) return { ok: false, reason: "unknown authorization code" };
    if (record.usedAt !== null) return { ok: false, reason: "authorization code already used" };
    if (record.expiresAt <= Date.now()) return { ok: false, reason: "authorization code expired" };
    record.usedAt = Date.now();
    this.changed();
    return { ok: true, code: record };
  }

  // Grants and their tokens

  createGrant(input: Omit<Grant, "grantId" | "createdAt" | "revokedAt">): Grant {
    const grant: Grant = { ...input, grantId: randomUUID(), createdAt: Date.now(), revokedAt: null };
    this.state.grants[grant.grantId] = grant;
    this.changed();
    return grant;
  }

  findGrant(grantId: string): Grant | undefined {
    return this.state.grants[grantId];
  }

  grantsOfTenant(tenantId: string): Grant[] {
    const owners = this.connectionsOfTenant(tenantId);
    return Object.values(this.state.grants).filter((grant) =>
      owners.some((c) => c.userId === grant.userId && c.clientId === grant.clientId),
    );
  }

  /** The grants whose tokens reach this connection: the same user's grants to the same app. */
  grantsOfConnection(connectionId: string): Grant[] {
    const connection = this.state.connections.find((c) => c.id === connectionId);
    if (!connection) return [];
    return Object.values(this.state.grants).filter(
      (grant) => grant.userId === connection.userId && grant.clientId === connection.clientId,
    );
  }

  issueRefreshToken(grantId: string, ttlSeconds: number): string {
    const token = newSecret();
    this.state.refreshTokens[hashSecret(token)] = {
      grantId,
      expiresAt: Date.now() + ttlSeconds * 1000,
      rotatedAt: null,
      revokedAt: null,
    };
    this.changed();
    return token;
  }

  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    return this.state.refreshTokens[hashSecret(token)];
  }

  markRotated(record: RefreshTokenRecord): void {
    record.rotatedAt ??= Date.now();
    this.changed();
  }

  registerAccessToken(jti: string, grantId: string, expiresAt: number): void {
    this.pruneExpired();
    this.state.accessTokens[jti] = { grantId, expiresAt };
    this.changed();
  }

  /** Whether an issued access token still works: revoked ones are unknown, admin-expired ones expired. */
  accessTokenStatus(jti: string): AccessTokenStatus {
    const record = this.state.accessTokens[jti];
    const grant = record && this.state.grants[record.grantId];
    if (!record || !grant || grant.revokedAt !== null) return { state: "unknown" };
    const expiredAt = Math.min(record.expiresAt, record.expiredEarlyAt ?? Number.POSITIVE_INFINITY);
    return expiredAt <= Date.now() ? { state: "expired", expiredAt } : { state: "live", grant };
  }

  /** Ends the grant's access tokens now (they answer "TokenExpired"); its refresh tokens keep working. */
  expireAccessTokens(grantId: string): number {
    let count = 0;
    for (const record of Object.values(this.state.accessTokens)) {
      if (record.grantId !== grantId || record.expiredEarlyAt !== undefined) continue;
      record.expiredEarlyAt = Date.now();
      count++;
    }
    this.changed();
    return count;
  }

  /** Revokes the grant: its refresh tokens answer invalid_grant, its access tokens stop working. */
  revokeGrant(grantId: string): void {
    const grant = this.state.grants[grantId];
    if (!grant) return;
    grant.revokedAt ??= Date.now();
    for (const record of Object.values(this.state.refreshTokens)) {
      if (record.grantId === grantId) record.revokedAt ??= Date.now();
    }
    this.changed();
  }

  /** Drops records nobody can use any more, so a long-running sandbox's state stays small. */
  private pruneExpired(): void {
    const now = Date.now();
    for (const [key, code] of Object.entries(this.state.codes)) if (code.expiresAt <= now) delete this.state.codes[key];
    for (const [jti, token] of Object.entries(this.state.accessTokens)) {
      if (token.expiresAt <= now) delete this.state.accessTokens[jti];
    }
  }
}
