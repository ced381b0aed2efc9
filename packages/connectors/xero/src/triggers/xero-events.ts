import type { ConnectorEvents } from "@ledgerflow/engine";
import { xeroEnv } from "../client/xero-env";
import type { XeroClientContext } from "../xero-client-context";
import { loadXeroEventRecord } from "./load-xero-event-record";

/** Xero pushes contact, invoice and credit-note changes by webhook (webhooks/receive-xero-webhook.ts). */
export const xeroEvents: ConnectorEvents<XeroClientContext> = {
  // Without a key no delivery can be verified, so none is accepted: the instant triggers poll instead.
  pushConfigured: () => Boolean(xeroEnv().XERO_WEBHOOK_KEY),
  loadRecord: loadXeroEventRecord,
};
