import { type XeroEnv, xeroEnv } from "./xero-env";

// Where Xero is and who we are to it: the only place the app reads Xero's URLs. Pointing these
// variables at the local sandbox or at real Xero is the whole difference between the two.

export interface XeroAppSettings {
  /** OpenID issuer: discovery, authorize, token, revocation (real Xero: https://identity.xero.com). */
  identityUrl: string;
  /** Host of /connections and the Accounting API (real Xero: https://api.xero.com). */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
  timeoutMs: number;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** The settings from the environment; throws naming the variable when the app is not registered. */
export function xeroAppSettings(env: XeroEnv = xeroEnv()): XeroAppSettings {
  const missing = (["XERO_CLIENT_ID", "XERO_CLIENT_SECRET", "XERO_REDIRECT_URI"] as const).filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Xero is not configured: set ${missing.join(", ")}`);
  return {
    identityUrl: trimSlash(env.XERO_IDENTITY_URL),
    apiUrl: trimSlash(env.XERO_API_URL),
    clientId: env.XERO_CLIENT_ID!,
    clientSecret: env.XERO_CLIENT_SECRET!,
    redirectUri: env.XERO_REDIRECT_URI!,
    scopes: env.XERO_SCOPES.split(/\s+/).filter(Boolean),
    timeoutMs: env.XERO_TIMEOUT_MS,
  };
}

/** xero-node's AccountingApi base path on the configured API host. */
export function accountingBasePath(settings: Pick<XeroAppSettings, "apiUrl">): string {
  return `${settings.apiUrl}/api.xro/2.0`;
}

/** Plain http is allowed only for a sandbox on this machine, never for a remote host. */
export function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}
