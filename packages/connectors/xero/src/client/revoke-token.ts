import * as oidc from "openid-client";
import { oauthConfiguration } from "./oauth-client";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";

/** Revokes a refresh token: Xero ends the grant and removes the tenant connections it made. */
export async function revokeToken(refreshToken: string, settings: XeroAppSettings = xeroAppSettings()): Promise<void> {
  const configuration = await oauthConfiguration(settings);
  await oidc.tokenRevocation(configuration, refreshToken, { token_type_hint: "refresh_token" });
}
