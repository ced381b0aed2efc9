// @ledgerflow/connector-xero: exactly what other packages import (its test helpers are
// @ledgerflow/connector-xero/testing). Add a name here when another package needs it.
export { xeroCatalog } from "./catalog/xero-catalog";
export {
  buildAuthorizationUrl,
  exchangeAuthorizationCode,
  listTenantConnections,
  type XeroConnection,
  type XeroTokenSet,
  xeroAppSettings,
} from "./client";
export { missingScopes } from "./missing-scopes";
export { loadFieldOptions } from "./options/load-field-options";
export { getXeroClient } from "./token-access/get-xero-client";
export { revokeXeroConnection } from "./token-access/revoke-xero-connection";
export type { XeroActionDefinition } from "./xero-action-definition";
