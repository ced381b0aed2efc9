export { type CallXeroOptions, callXero, type XeroBody } from "./call-xero";
export { xeroCatalog } from "./catalog/xero-catalog";
export * from "./client";
export { RECONNECT_MESSAGE } from "./errors/xero-step-error";
export { missingScopes } from "./missing-scopes";
export {
  type LoadFieldOptionsRequest,
  loadFieldOptions,
  OPTIONS_CACHE_TTL_SECONDS,
} from "./options/load-field-options";
export { connectionMissingScopes } from "./token-access/connection-missing-scopes";
export type { ConnectionSummary } from "./token-access/connection-record";
export { getXeroClient, type XeroClientForConnection } from "./token-access/get-xero-client";
export { type RevokeXeroConnectionResult, revokeXeroConnection } from "./token-access/revoke-xero-connection";
export { defineXeroAction, type XeroActionDefinition, type XeroScopes } from "./xero-action-definition";
export { createXeroClientContext, DEFAULT_XERO_TIMEOUT_MS, type XeroClientContext } from "./xero-client-context";
