import * as oidc from "openid-client";
import type { AuthorizationChecks } from "./build-authorization-url";
import { oauthConfiguration } from "./oauth-client";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";
import { toXeroTokenSet, type XeroTokenSet } from "./xero-token-set";

/**
 * Completes the consent: checks the callback's state, exchanges its code (with the PKCE verifier)
 * and validates the id_token's issuer, audience, expiry and nonce. Throws openid-client's
 * `AuthorizationResponseError` when the user denied access (`error=access_denied`).
 */
export async function exchangeAuthorizationCode(
  callbackUrl: URL | string,
  checks: AuthorizationChecks,
  settings: XeroAppSettings = xeroAppSettings(),
): Promise<XeroTokenSet> {
  const configuration = await oauthConfiguration(settings);
  const response = await oidc.authorizationCodeGrant(configuration, new URL(callbackUrl), {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: settings.scopes.includes("openid"),
  });
  return toXeroTokenSet(response);
}
