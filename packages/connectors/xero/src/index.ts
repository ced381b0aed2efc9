// @ledgerflow/connector-xero: exactly what other packages import (its test helpers are
// @ledgerflow/connector-xero/testing). The runtime knows Xero only as `xeroConnector`; the web's
// connect routes call Xero's OAuth directly. Add a name here when another package needs it.
export { xeroAppSettings } from "./client";
export { completeXeroAuthorization } from "./oauth/complete-xero-authorization";
export { startXeroAuthorization } from "./oauth/start-xero-authorization";
export { XeroAuthorizationError } from "./oauth/xero-authorization-error";
export { receiveXeroWebhook, type XeroWebhookOutcome } from "./webhooks/receive-xero-webhook";
export { xeroConnector } from "./xero-connector";
