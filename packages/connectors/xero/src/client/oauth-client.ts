import * as oidc from "openid-client";
import { isLoopbackHttp, type XeroAppSettings } from "./xero-app-settings";

// openid-client's Configuration for our Xero app, discovered once per identity URL and client and
// reused: discovery is a network round trip every authorize, exchange and refresh would repeat.

const cache = new Map<string, Promise<oidc.Configuration>>();

export function oauthConfiguration(settings: XeroAppSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify([settings.identityUrl, settings.clientId, settings.clientSecret]);
  let configuration = cache.get(key);
  if (!configuration) {
    configuration = oidc
      .discovery(
        new URL(settings.identityUrl),
        settings.clientId,
        { client_secret: settings.clientSecret },
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          timeout: Math.ceil(settings.timeoutMs / 1000),
          execute: isLoopbackHttp(settings.identityUrl) ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        cache.delete(key); // a failed discovery is retried next time, not remembered
        throw error;
      });
    cache.set(key, configuration);
  }
  return configuration;
}
