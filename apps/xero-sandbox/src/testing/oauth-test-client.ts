import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import { AccountingApi } from "xero-node";
import type { TestSandbox } from "./start-test-sandbox";
import { TEST_CLIENT } from "./start-test-sandbox";

// The sandbox's own test client: a third-party app as Xero's docs describe one, built from
// openid-client (a certified relying party), plain fetch for /connections and xero-node for the
// Accounting API. It is deliberately not our connector: the sandbox's tests check that the sandbox
// speaks Xero's protocol, so any standard client must work against it, and the connector's tests
// (which start a sandbox) may then depend on the sandbox without a cycle.

export interface TestClientSettings {
  /** The sandbox's URL: OpenID issuer and host of /connections and the Accounting API. */
  url: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
}

/** What a test reads of a token answer. */
export interface TestTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  expiresAt: Date;
  scopes: string[];
  /** The access token's `authentication_event_id`: `GET /connections?authEventId=` lists its tenants. */
  authEventId: string | null;
  xeroUserId: string | null;
}

export interface TestConnection {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string | null;
  createdDateUtc: string;
  updatedDateUtc: string;
}

/** A non-2xx answer from /connections: the status and Xero's `Detail` (or the body's text). */
export class IdentityAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`/connections answered ${status}: ${detail}`);
    this.name = "IdentityAnswerError";
  }
}

/** The test client registered in every test sandbox, with the scopes our app asks for. */
export function testClientSettings(
  sandbox: Pick<TestSandbox, "url">,
  overrides: Partial<TestClientSettings> = {},
): TestClientSettings {
  return {
    url: sandbox.url,
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    redirectUri: TEST_CLIENT.redirectUris[0]!,
    scopes: ["openid", "profile", "email", "offline_access", "accounting.invoices", "accounting.contacts"],
    ...overrides,
  };
}

/** Discovered afresh on every call: tests change the client secret, and a cache would hide that. */
function discover(settings: TestClientSettings): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(settings.url),
    settings.clientId,
    { client_secret: settings.clientSecret },
    oidc.ClientSecretBasic(settings.clientSecret),
    { execute: [oidc.allowInsecureRequests] }, // the sandbox listens on plain http on 127.0.0.1
  );
}

export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The consent URL with a fresh state, nonce and PKCE S256 challenge, and those to check the answer with. */
export async function startAuthorization(
  settings: TestClientSettings,
): Promise<{ url: URL; checks: AuthorizationChecks }> {
  const configuration = await discover(settings);
  const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes.join(" "),
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
  });
  return { url, checks };
}

function toTestTokens(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): TestTokens {
  const claims = decodeJwt(response.access_token);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    idToken: response.id_token ?? null,
    expiresAt: new Date(Date.now() + (response.expiresIn() ?? 0) * 1000),
    scopes: (response.scope ?? "").split(/\s+/).filter(Boolean),
    authEventId: text(claims.authentication_event_id),
    xeroUserId: text(claims.xero_userid),
  };
}

/**
 * Checks the callback's state, exchanges its code with the PKCE verifier and validates the
 * id_token (issuer, audience, expiry, nonce). openid-client throws `AuthorizationResponseError` for
 * an `error=` callback and `ResponseBodyError` for a refused exchange.
 */
export async function exchangeCode(
  callbackUrl: URL | string,
  checks: AuthorizationChecks,
  settings: TestClientSettings,
): Promise<TestTokens> {
  const response = await oidc.authorizationCodeGrant(await discover(settings), new URL(callbackUrl), {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: settings.scopes.includes("openid"),
  });
  return toTestTokens(response);
}

/** A refresh grant; a refused one rejects with openid-client's `ResponseBodyError` (`error: "invalid_grant"`). */
export async function refreshTokens(refreshToken: string, settings: TestClientSettings): Promise<TestTokens> {
  return toTestTokens(await oidc.refreshTokenGrant(await discover(settings), refreshToken));
}

export async function revokeToken(token: string, settings: TestClientSettings): Promise<void> {
  await oidc.tokenRevocation(await discover(settings), token);
}

async function connectionsRequest(
  method: "GET" | "DELETE",
  path: string,
  accessToken: string,
  settings: TestClientSettings,
): Promise<Response> {
  const response = await fetch(`${settings.url}/connections${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  });
  if (response.ok) return response;
  const body = await response.text();
  let detail = body;
  try {
    detail = (JSON.parse(body) as { Detail?: string }).Detail ?? body;
  } catch {
    // a plain-text answer: keep the text
  }
  throw new IdentityAnswerError(response.status, detail);
}

/** `GET /connections`, optionally `?authEventId=`. */
export async function listConnections(
  accessToken: string,
  options: { authEventId?: string },
  settings: TestClientSettings,
): Promise<TestConnection[]> {
  const query = options.authEventId ? `?authEventId=${encodeURIComponent(options.authEventId)}` : "";
  return (await (await connectionsRequest("GET", query, accessToken, settings)).json()) as TestConnection[];
}

/** `DELETE /connections/{id}`: true when it was removed, false when the sandbox had no such connection. */
export async function deleteConnection(
  accessToken: string,
  id: string,
  settings: TestClientSettings,
): Promise<boolean> {
  try {
    await connectionsRequest("DELETE", `/${encodeURIComponent(id)}`, accessToken, settings);
    return true;
  } catch (error) {
    if (error instanceof IdentityAnswerError && error.status === 404) return false;
    throw error;
  }
}

/** xero-node's AccountingApi on the sandbox, sending `accessToken` as the Bearer token. */
export function accountingApi(accessToken: string, settings: Pick<TestClientSettings, "url">): AccountingApi {
  const accounting = new AccountingApi(`${settings.url}/api.xro/2.0`);
  accounting.accessToken = accessToken;
  return accounting;
}

/**
 * Answers the consent form as a browser would post it: the authorize URL's parameters plus the
 * user's choices. Returns where the sandbox redirects to (the app's callback URL).
 */
export async function submitConsent(
  authorizeUrl: URL,
  choices: { email?: string; tenantIds?: string[]; decision?: "allow" | "deny" },
): Promise<{ status: number; location: string | null; body: string }> {
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("decision", choices.decision ?? "allow");
  if (choices.email !== undefined) form.set("email", choices.email);
  for (const tenantId of choices.tenantIds ?? []) form.append("tenantIds", tenantId);
  const response = await fetch(new URL("/identity/connect/authorize", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}
