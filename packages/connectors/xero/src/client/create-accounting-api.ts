import { AccountingApi } from "xero-node";
import { accountingBasePath, type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";

/**
 * xero-node's AccountingApi on the configured API host, bound to one connection's access token.
 * xero-node's own `XeroClient` is not used: it hard-codes Xero's hosts and holds one token set per
 * instance. The setter stores the token in the API's `OAuth2` authentication, which adds
 * `Authorization: Bearer …` to every request; `xero-tenant-id` is each call's first argument.
 */
export function createAccountingApi(
  accessToken: string,
  settings: Pick<XeroAppSettings, "apiUrl"> = xeroAppSettings(),
): AccountingApi {
  const accounting = new AccountingApi(accountingBasePath(settings));
  accounting.accessToken = accessToken;
  return accounting;
}
