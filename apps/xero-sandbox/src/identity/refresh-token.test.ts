import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exchangeCode,
  type IdentityAnswerError,
  listConnections,
  refreshTokens,
  revokeToken,
  startAuthorization,
  submitConsent,
  type TestTokens,
  testClientSettings,
} from "../testing/oauth-test-client";
import { startTestSandbox, TEST_CLIENT, type TestSandbox } from "../testing/start-test-sandbox";
import type { TokenStatsJson } from "./token-stats";

// Refresh token rotation, the grace period of a rotated-out token, revocation and the admin
// shortcuts, driven through the sandbox's own test client.

let sandbox: TestSandbox;
/** A second sandbox whose rotated-out refresh tokens die after one second. */
let shortGrace: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  shortGrace = await startTestSandbox({ tokens: { refreshGraceSeconds: 1, accessTokenTtlSeconds: 1 } });
});
afterAll(async () => {
  await sandbox.close();
  await shortGrace.close();
});

async function connect(target: TestSandbox): Promise<TestTokens> {
  const settings = testClientSettings(target);
  const { url, checks } = await startAuthorization(settings);
  const tenantIds = target.ledger.organisations().map((organisation) => organisation.tenantId);
  const answer = await submitConsent(url, { email: `user-${crypto.randomUUID()}@example.com`, tenantIds });
  return exchangeCode(answer.location!, checks, settings);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("refresh", () => {
  it("rotates the refresh token and issues a working access token", async () => {
    const settings = testClientSettings(sandbox);
    const first = await connect(sandbox);
    const second = await refreshTokens(first.refreshToken!, settings);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.authEventId).toBe(first.authEventId);
    expect(await listConnections(second.accessToken, {}, settings)).toHaveLength(2);
  });

  it("still accepts a rotated-out refresh token inside the grace period", async () => {
    const settings = testClientSettings(sandbox);
    const first = await connect(sandbox);
    await refreshTokens(first.refreshToken!, settings);
    const retried = await refreshTokens(first.refreshToken!, settings);
    expect(await listConnections(retried.accessToken, {}, settings)).toHaveLength(2);
  });

  it("refuses a rotated-out refresh token after the grace period with invalid_grant", async () => {
    const settings = testClientSettings(shortGrace);
    const first = await connect(shortGrace);
    const second = await refreshTokens(first.refreshToken!, settings);
    await sleep(1100);
    await expect(refreshTokens(first.refreshToken!, settings)).rejects.toMatchObject({ error: "invalid_grant" });
    // The token that replaced it is unaffected.
    expect((await refreshTokens(second.refreshToken!, settings)).refreshToken).toEqual(expect.any(String));
  });

  it("answers a refused refresh token with exactly Xero's body", async () => {
    const response = await fetch(`${sandbox.url}/connect/token`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${TEST_CLIENT.clientId}:${TEST_CLIENT.clientSecret}`)}` },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "never-issued" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant" });
  });

  it("refuses an unknown refresh token and another client's one", async () => {
    const settings = testClientSettings(sandbox);
    await expect(refreshTokens("made-up", settings)).rejects.toMatchObject({ error: "invalid_grant" });
    const tokens = await connect(shortGrace);
    await expect(refreshTokens(tokens.refreshToken!, settings)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("answers an expired access token with TokenExpired", async () => {
    const tokens = await connect(shortGrace);
    await sleep(1100);
    const error = await listConnections(tokens.accessToken, {}, testClientSettings(shortGrace)).catch(
      (e: unknown) => e,
    );
    expect((error as IdentityAnswerError).status).toBe(401);
    expect((error as IdentityAnswerError).detail).toMatch(/^TokenExpired: token expired at /);
  });
});

describe("revocation", () => {
  it("revoking the refresh token ends the grant and removes its connections", async () => {
    const settings = testClientSettings(sandbox);
    const tokens = await connect(sandbox);
    await revokeToken(tokens.refreshToken!, settings);
    await expect(refreshTokens(tokens.refreshToken!, settings)).rejects.toMatchObject({ error: "invalid_grant" });
    const error = await listConnections(tokens.accessToken, {}, settings).catch((e: unknown) => e);
    expect((error as IdentityAnswerError).status).toBe(401);
  });

  it("accepts revoking an unknown token, as RFC 7009 asks", async () => {
    await expect(revokeToken("never-issued", testClientSettings(sandbox))).resolves.toBeUndefined();
  });
});

describe("admin routes", () => {
  it("mints a token set connected to the chosen organisations", async () => {
    const [tenant] = sandbox.ledger.organisations();
    const minted = await sandbox.admin<{
      access_token: string;
      refresh_token: string;
      tenantIds: string[];
      scope: string;
    }>("POST", "/sandbox/admin/tokens", {
      tenantIds: [tenant!.tenantId],
      scopes: ["offline_access", "accounting.contacts.read"],
    });
    expect(minted.scope).toBe("offline_access accounting.contacts.read");
    const connections = await listConnections(minted.access_token, {}, testClientSettings(sandbox));
    expect(connections.map((c) => c.tenantId)).toEqual([tenant!.tenantId]);
    await expect(refreshTokens(minted.refresh_token, testClientSettings(sandbox))).resolves.toBeDefined();
  });

  it("refuses a mint for an unknown organisation, naming the field", async () => {
    const response = await fetch(`${sandbox.url}/sandbox/admin/tokens`, {
      method: "POST",
      headers: { "x-sandbox-admin-secret": "sandbox-test-admin-secret", "content-type": "application/json" },
      body: JSON.stringify({ tenantIds: ["no-such-tenant"] }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain("tenantIds");
  });

  it("refuses admin calls without the admin secret", async () => {
    const response = await fetch(`${sandbox.url}/sandbox/admin/stats`);
    expect(response.status).toBe(401);
  });

  it("expires a tenant's access tokens while their refresh tokens keep working", async () => {
    const settings = testClientSettings(sandbox);
    const [tenant] = sandbox.ledger.organisations();
    const minted = await sandbox.admin<{ access_token: string; refresh_token: string }>(
      "POST",
      "/sandbox/admin/tokens",
      {
        tenantIds: [tenant!.tenantId],
      },
    );
    const { expiredAccessTokens } = await sandbox.admin<{ expiredAccessTokens: number }>(
      "POST",
      "/sandbox/admin/tokens/expire",
      { tenantId: tenant!.tenantId },
    );
    expect(expiredAccessTokens).toBeGreaterThanOrEqual(1);
    const error = await listConnections(minted.access_token, {}, settings).catch((e: unknown) => e);
    expect((error as IdentityAnswerError).detail).toMatch(/^TokenExpired/);
    const renewed = await refreshTokens(minted.refresh_token, settings);
    expect(await listConnections(renewed.accessToken, {}, settings)).toHaveLength(1);
  });

  it("expires access tokens by connection and lists a grant's connections", async () => {
    const settings = testClientSettings(sandbox);
    const minted = await sandbox.admin<{ access_token: string; grantId: string }>("POST", "/sandbox/admin/tokens", {});
    const connections = await sandbox.admin<{ id: string; tenantId: string }[]>(
      "GET",
      `/sandbox/admin/grants/${minted.grantId}/connections`,
    );
    expect(connections).toHaveLength(sandbox.ledger.organisations().length);
    await sandbox.admin("POST", "/sandbox/admin/tokens/expire", { connectionId: connections[0]!.id });
    const error = await listConnections(minted.access_token, {}, settings).catch((e: unknown) => e);
    expect((error as IdentityAnswerError).detail).toMatch(/^TokenExpired/);
  });

  it("revokes a grant by refresh token", async () => {
    const settings = testClientSettings(sandbox);
    const tokens = await connect(sandbox);
    const { revokedGrantIds } = await sandbox.admin<{ revokedGrantIds: string[] }>(
      "POST",
      "/sandbox/admin/grants/revoke",
      { refreshToken: tokens.refreshToken },
    );
    expect(revokedGrantIds).toHaveLength(1);
    await expect(refreshTokens(tokens.refreshToken!, settings)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("counts token grants per type and per client", async () => {
    const before = await sandbox.admin<TokenStatsJson>("GET", "/sandbox/admin/stats");
    const tokens = await connect(sandbox);
    await refreshTokens(tokens.refreshToken!, testClientSettings(sandbox));
    await refreshTokens("made-up", testClientSettings(sandbox)).catch(() => undefined);
    const after = await sandbox.admin<TokenStatsJson>("GET", "/sandbox/admin/stats");
    const count = (stats: TokenStatsJson, type: string) => stats.grantsByClient[TEST_CLIENT.clientId]?.[type] ?? 0;
    expect(count(after, "authorization_code") - count(before, "authorization_code")).toBe(1);
    expect(count(after, "refresh_token") - count(before, "refresh_token")).toBe(1);
    expect((after.refused.invalid_grant ?? 0) - (before.refused.invalid_grant ?? 0)).toBe(1);
  });
});
