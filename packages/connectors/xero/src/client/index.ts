// Our app's Xero client (OAuth with openid-client, /connections, xero-node's AccountingApi): the
// names the package's index and its tests use; the rest is reached by its own file.
export { buildAuthorizationUrl } from "./build-authorization-url";
export { createAccountingApi } from "./create-accounting-api";
export { exchangeAuthorizationCode } from "./exchange-authorization-code";
export { listTenantConnections, type XeroConnection } from "./list-tenant-connections";
export { xeroAppSettings } from "./xero-app-settings";
export type { XeroTokenSet } from "./xero-token-set";
