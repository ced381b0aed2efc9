import * as oidc from "openid-client";
import { oauthConfiguration } from "./oauth-client";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";
import { XeroInvalidGrantError } from "./xero-client-errors";
import { toXeroTokenSet, type XeroTokenSet } from "./xero-token-set";

/**
 * Trades a refresh token for a new token set. Xero rotates refresh tokens: store the returned one
 * before using the access token. Throws `XeroInvalidGrantError` when Xero will never accept this
 * refresh token again; other errors (network, 5xx) are worth a retry.
 */
export async function refreshTokenSet(
  refreshToken: string,
  settings: XeroAppSettings = xeroAppSettings(),
): Promise<XeroTokenSet> {
  const configuration = await oauthConfiguration(settings);
  try {
    return toXeroTokenSet(await oidc.refreshTokenGrant(configuration, refreshToken));
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === "invalid_grant") {
      throw new XeroInvalidGrantError(error.error_description);
    }
    throw error;
  }
}
