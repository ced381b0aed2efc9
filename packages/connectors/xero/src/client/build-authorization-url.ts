import * as oidc from "openid-client";
import { oauthConfiguration } from "./oauth-client";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";

/** What the app must remember (in a short-lived, httpOnly cookie) until Xero sends the user back. */
export interface AuthorizationChecks {
  state: string;
  codeVerifier: string;
  nonce: string;
}

/** Xero's consent URL for our app, with a fresh state, nonce and PKCE S256 challenge. */
export async function buildAuthorizationUrl(
  settings: XeroAppSettings = xeroAppSettings(),
): Promise<{ url: URL; checks: AuthorizationChecks }> {
  const configuration = await oauthConfiguration(settings);
  const checks: AuthorizationChecks = {
    state: oidc.randomState(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    nonce: oidc.randomNonce(),
  };
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
