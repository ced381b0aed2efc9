export { type CallXeroOptions, callXero, type XeroBody } from "./call-xero";
export { xeroAction, xeroCatalog } from "./catalog/xero-catalog";
export * from "./client";
export { RECONNECT_MESSAGE } from "./errors/xero-step-error";
export { missingScopes } from "./missing-scopes";
export {
  type CompleteXeroAuthorizationResult,
  completeXeroAuthorization,
} from "./oauth/complete-xero-authorization";
export { startXeroAuthorization } from "./oauth/start-xero-authorization";
export { XeroAuthorizationError } from "./oauth/xero-authorization-error";
export { connectionMissingScopes } from "./token-access/connection-missing-scopes";
export type { ConnectionSummary } from "./token-access/connection-record";
export { getXeroClient, type XeroClientForConnection } from "./token-access/get-xero-client";
export { defineXeroAction, type XeroActionDefinition, type XeroScopes } from "./xero-action-definition";
export { createXeroClientContext, DEFAULT_XERO_TIMEOUT_MS, type XeroClientContext } from "./xero-client-context";
export { xeroConnector } from "./xero-connector";
