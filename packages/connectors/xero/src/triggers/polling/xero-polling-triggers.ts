import type { TriggerDefinition } from "@ledgerflow/engine";
import { sampleItem, samplePayment } from "../../catalog/output-samples";
import type { XeroClientContext } from "../../xero-client-context";
import { overdueInvoiceTrigger } from "./overdue-invoice-trigger";
import { sampleBankTransaction, sampleManualJournal, samplePurchaseOrder, sampleQuote } from "./sample-polled-records";
import { xeroPollingTrigger } from "./xero-polling-trigger";

// The triggers on what Xero's webhooks do not report, in Xero's words, grouped as the editor
// lists them. Each polls its list (every 5 minutes unless the flow says otherwise). "New" means
// new to the flow: Xero's lists carry no creation time (xero-polling-spec.ts).

export const xeroPollingTriggers: readonly TriggerDefinition<XeroClientContext>[] = [
  xeroPollingTrigger({
    key: "xero.payment.created",
    title: "New payment",
    description: "Runs when a payment is recorded against an invoice, a bill or a credit note.",
    group: "Payments",
    category: "PAYMENT",
    runsOn: "new",
    sampleRecord: samplePayment,
  }),
  xeroPollingTrigger({
    key: "xero.bank_transaction.created",
    title: "New bank transaction",
    description: "Runs when money is spent or received in a bank account (spend money, receive money).",
    group: "Bank transactions",
    category: "BANKTRANSACTION",
    runsOn: "new",
    sampleRecord: sampleBankTransaction,
  }),
  xeroPollingTrigger({
    key: "xero.quote.created",
    title: "New quote",
    description: "Runs when a quote is created in the organisation, whatever its status.",
    group: "Quotes",
    category: "QUOTE",
    runsOn: "new",
    sampleRecord: { ...sampleQuote, Status: "DRAFT" },
  }),
  xeroPollingTrigger({
    key: "xero.quote.updated",
    title: "Quote updated",
    description:
      "Runs on every change to a quote (edited, sent, accepted, declined or invoiced), and also the first time the flow sees a quote, so a new quote runs it too.",
    group: "Quotes",
    category: "QUOTE",
    runsOn: "every change",
    sampleRecord: sampleQuote,
  }),
  xeroPollingTrigger({
    key: "xero.purchase_order.created",
    title: "New purchase order",
    description: "Runs when a purchase order is created in the organisation, whatever its status.",
    group: "Purchase orders",
    category: "PURCHASEORDER",
    runsOn: "new",
    sampleRecord: samplePurchaseOrder,
  }),
  xeroPollingTrigger({
    key: "xero.manual_journal.created",
    title: "New manual journal",
    description: "Runs when a manual journal is created in the organisation, draft or posted.",
    group: "Manual journals",
    category: "MANUALJOURNAL",
    runsOn: "new",
    sampleRecord: sampleManualJournal,
  }),
  overdueInvoiceTrigger,
  xeroPollingTrigger({
    key: "xero.item.created",
    title: "New item",
    description: "Runs when a product or service is added to the organisation's items.",
    group: "Items",
    category: "ITEM",
    runsOn: "new",
    sampleRecord: sampleItem,
  }),
];
