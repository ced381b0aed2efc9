import { createRemoteJWKSet, jwtVerify } from "jose";
import { AuthorizationResponseError, ResponseBodyError } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionsBodyErrors } from "../testing/identity-spec";
import {
  deleteConnection,
  exchangeCode,
  IdentityAnswerError,
  listConnections,
  startAuthorization,
  submitConsent,
  testClientSettings,
} from "../testing/oauth-test-client";
import { startTestSandbox, TEST_CLIENT, type TestSandbox } from "../testing/start-test-sandbox";

// The authorization code flow as a third-party app runs it (openid-client, see testing/oauth-test-client.ts)
// against a sandbox over HTTP, with the consent form posted as a browser posts it.

let sandbox: TestSandbox;
let tenantIds: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ tokens: { authorizationCodeTtlSeconds: 1 } });
  tenantIds = sandbox.ledger.organisations().map((organisation) => organisation.tenantId);
});
afterAll(() => sandbox.close());

async function consent(choices: Parameters<typeof submitConsent>[1] = {}) {
  const settings = testClientSettings(sandbox);
  const { url, checks } = await startAuthorization(settings);
  const answer = await submitConsent(url, { email: "demo@ledgerflow.test", tenantIds: [tenantIds[0]!], ...choices });
  return { settings, url, checks, answer };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("authorization code flow", () => {
  it("shows a consent page listing the organisations to connect", async () => {
    const { url } = await startAuthorization(testClientSettings(sandbox));
    const response = await fetch(url);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    for (const organisation of sandbox.ledger.organisations()) {
      expect(page).toContain(`value="${organisation.tenantId}"`);
    }
    expect(page).toContain('<label for="email">Email address</label>');
  });

  it("exchanges the code for tokens whose id_token verifies through the JWKS", async () => {
    const { settings, checks, answer } = await consent();
    expect(answer.status).toBe(302);
    const callback = new URL(answer.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(TEST_CLIENT.redirectUris[0]);
    expect(callback.searchParams.get("state")).toBe(checks.state);

    const tokens = await exchangeCode(callback, checks, settings);
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scopes).toEqual(settings.scopes);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const discovery = (await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe(sandbox.url);
    const { payload } = await jwtVerify(tokens.idToken!, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: sandbox.url,
      audience: TEST_CLIENT.clientId,
    });
    expect(payload.nonce).toBe(checks.nonce);
    expect(payload.email).toBe("demo@ledgerflow.test");
    expect(payload.xero_userid).toBe(tokens.xeroUserId);
  });

  it("lists only the organisations ticked at consent, in the shape of Xero's spec", async () => {
    const { settings, checks, answer } = await consent({ email: "two-orgs@example.com", tenantIds });
    const tokens = await exchangeCode(answer.location!, checks, settings);

    const response = await fetch(`${sandbox.url}/connections`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    const body = await response.json();
    expect(connectionsBodyErrors(body)).toEqual([]);

    const connections = await listConnections(tokens.accessToken, { authEventId: tokens.authEventId! }, settings);
    expect(connections.map((c) => c.tenantId).sort()).toEqual([...tenantIds].sort());
    expect(connections.every((c) => c.authEventId === tokens.authEventId && c.tenantType === "ORGANISATION")).toBe(
      true,
    );
    expect(await listConnections(tokens.accessToken, { authEventId: crypto.randomUUID() }, settings)).toEqual([]);
  });

  it("deletes a connection, after which it is gone from the list and a second delete finds nothing", async () => {
    const { settings, checks, answer } = await consent({ email: "disconnect@example.com", tenantIds });
    const tokens = await exchangeCode(answer.location!, checks, settings);
    const [first, second] = await listConnections(tokens.accessToken, {}, settings);

    expect(await deleteConnection(tokens.accessToken, first!.id, settings)).toBe(true);
    const remaining = await listConnections(tokens.accessToken, {}, settings);
    expect(remaining.map((c) => c.id)).toEqual([second!.id]);
    expect(await deleteConnection(tokens.accessToken, first!.id, settings)).toBe(false);
  });

  it("answers userinfo for the signed-in user", async () => {
    const { settings, checks, answer } = await consent({ email: "Jane.Doe@Example.com" });
    const tokens = await exchangeCode(answer.location!, checks, settings);
    const response = await fetch(`${sandbox.url}/connect/userinfo`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(await response.json()).toMatchObject({
      email: "jane.doe@example.com",
      given_name: "Jane",
      family_name: "Doe",
    });
  });

  it("redirects with access_denied and the state when the user denies", async () => {
    const { settings, checks, answer } = await consent({ decision: "deny" });
    const callback = new URL(answer.location!);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(checks.state);
    expect(callback.searchParams.has("code")).toBe(false);
    await expect(exchangeCode(callback, checks, settings)).rejects.toBeInstanceOf(AuthorizationResponseError);
  });

  it("re-shows the consent page when no organisation is ticked", async () => {
    const { answer } = await consent({ tenantIds: [] });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Tick at least one organisation");
  });
});

describe("authorize request checks", () => {
  it("shows an error page, never a redirect, for a redirect_uri that is not registered", async () => {
    const { url } = await startAuthorization(testClientSettings(sandbox, { redirectUri: "https://evil.example/cb" }));
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Invalid redirect_uri");
  });

  it("shows an error page for an unknown client", async () => {
    const { url } = await startAuthorization(testClientSettings(sandbox, { clientId: "nobody" }));
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Unknown client_id");
  });

  it("redirects with invalid_scope for a scope Xero does not know", async () => {
    const settings = testClientSettings(sandbox, { scopes: ["openid", "accounting.everything"] });
    const { url, checks } = await startAuthorization(settings);
    const response = await fetch(url, { redirect: "manual" });
    const callback = new URL(response.headers.get("location")!);
    expect(callback.searchParams.get("error")).toBe("invalid_scope");
    expect(callback.searchParams.get("state")).toBe(checks.state);
  });

  it("accepts classic and granular accounting scopes with their read variants", async () => {
    const scopes = ["openid", "accounting.transactions.read", "accounting.settings", "accounting.payments.read"];
    const { url } = await startAuthorization(testClientSettings(sandbox, { scopes }));
    expect((await fetch(url)).status).toBe(200);
  });
});

describe("token endpoint options", () => {
  it("verifies a plain PKCE challenge and accepts client credentials in the body", async () => {
    const verifier = "plain-verifier-0123456789-0123456789-0123456789";
    const plainCode = async () => {
      const authorizeUrl = new URL("/identity/connect/authorize", sandbox.url);
      authorizeUrl.search = new URLSearchParams({
        client_id: TEST_CLIENT.clientId,
        redirect_uri: TEST_CLIENT.redirectUris[0]!,
        response_type: "code",
        scope: "openid offline_access accounting.contacts.read",
        state: "plain-state",
        code_challenge: verifier,
        code_challenge_method: "plain",
      }).toString();
      const answer = await submitConsent(authorizeUrl, { email: "plain@example.com", tenantIds: [tenantIds[0]!] });
      return new URL(answer.location!).searchParams.get("code")!;
    };
    const exchange = (code: string, codeVerifier: string) =>
      fetch(`${sandbox.url}/connect/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: TEST_CLIENT.redirectUris[0]!,
          code_verifier: codeVerifier,
          client_id: TEST_CLIENT.clientId,
          client_secret: TEST_CLIENT.clientSecret,
        }),
      });

    const refused = await exchange(await plainCode(), `${verifier}-wrong`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "invalid_grant" });

    const accepted = await exchange(await plainCode(), verifier);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      token_type: "Bearer",
      scope: "openid offline_access accounting.contacts.read",
      refresh_token: expect.any(String),
      id_token: expect.any(String),
    });
  });
});

describe("token endpoint refusals", () => {
  it("refuses a wrong PKCE verifier", async () => {
    const { settings, checks, answer } = await consent();
    const wrong = { ...checks, codeVerifier: `${checks.codeVerifier.slice(0, -4)}AAAA` };
    const error = await exchangeCode(answer.location!, wrong, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect((error as ResponseBodyError).error).toBe("invalid_grant");
  });

  it("refuses a code used twice", async () => {
    const { settings, checks, answer } = await consent();
    await exchangeCode(answer.location!, checks, settings);
    const error = await exchangeCode(answer.location!, checks, settings).catch((e: unknown) => e);
    expect((error as ResponseBodyError).error).toBe("invalid_grant");
  });

  it("refuses an expired code", async () => {
    const { settings, checks, answer } = await consent();
    await sleep(1100); // this sandbox's codes live one second
    const error = await exchangeCode(answer.location!, checks, settings).catch((e: unknown) => e);
    expect((error as ResponseBodyError).error).toBe("invalid_grant");
  });

  it("refuses a redirect_uri other than the authorize request's", async () => {
    const { settings, checks, answer } = await consent();
    const elsewhere = new URL(answer.location!);
    elsewhere.pathname = "/other-callback";
    const error = await exchangeCode(elsewhere, checks, settings).catch((e: unknown) => e);
    expect((error as ResponseBodyError).error).toBe("invalid_grant");
  });

  it("refuses a wrong client secret with invalid_client", async () => {
    const { settings, checks, answer } = await consent();
    const error = await exchangeCode(answer.location!, checks, {
      ...settings,
      clientSecret: "not-the-secret",
    }).catch((e: unknown) => e);
    expect((error as ResponseBodyError).error).toBe("invalid_client");
  });

  it("answers /connections without a valid token with Xero's 401", async () => {
    const error = await listConnections("not-a-token", {}, testClientSettings(sandbox)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityAnswerError);
    expect((error as IdentityAnswerError).status).toBe(401);
    expect((error as IdentityAnswerError).detail).toBe("AuthenticationUnsuccessful");
  });
});
