// How the record each Xero action's Test created is listed and cleaned up (the engine's
// `test.record`, test-behaviour.ts), where Xero allows it: a draft or awaiting-approval invoice or
// bill is deleted, an approved one without payments voided (Xero keeps voided documents and
// refuses to void one with payments), a payment deleted, a contact archived (Xero deletes no
// contact), an item deleted.
import { cleanUpRefusal, readOwn, readPath, type TestRecordSpec } from "@ledgerflow/engine";
import type { Invoice } from "xero-node";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { xeroEnum } from "../xero-enum";
import { recordsOf } from "../xero-records";
import type { DocumentType } from "./existing-document";

type XeroTestRecord = TestRecordSpec<XeroClientContext>;

const text = (output: unknown, path: string) => {
  const value = readPath(output, path.split("."));
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
};

/** "Invoice INV-0012 (draft) · Acme Ltd": the parts the output has, in that order. */
function label(noun: string, name: string, status: string, party: string): string {
  const head = [noun, name].filter(Boolean).join(" ");
  const withStatus = status ? `${head} (${status.toLowerCase()})` : head;
  return party ? `${withStatus} · ${party}` : withStatus;
}

const DELETABLE = ["DRAFT", "SUBMITTED"];

export function documentTestRecord(type: DocumentType): XeroTestRecord {
  const noun = type === "ACCREC" ? "invoice" : "bill";
  const Noun = type === "ACCREC" ? "Invoice" : "Bill";
  return {
    idField: "InvoiceID",
    // "When one already exists" answers with the document it found: the test made nothing.
    created: (output) => readOwn(output, "alreadyExisted") !== true,
    label: (output) => label(Noun, text(output, "InvoiceNumber"), text(output, "Status"), text(output, "Contact.Name")),
    cleanUpDescription: `a draft ${noun} is deleted; an approved one is voided (Xero keeps it, marked void)`,
    async cleanUp({ client, signal }, id) {
      const operation = `read the ${noun}`;
      const body = await callXero(client, (accounting) => accounting.getInvoice(client.tenantId, id), {
        operation,
        signal,
      });
      const [invoice] = recordsOf(body, "Invoices");
      const status = String(invoice?.Status ?? "");
      if (status === "DELETED" || status === "VOIDED") return `Already ${status.toLowerCase()} in Xero`;
      // Xero refuses to delete or void a document money was paid against: its payments go first.
      if (status === "PAID" || Number(invoice?.AmountPaid ?? 0) > 0) {
        throw cleanUpRefusal(
          `Not cleaned up: the ${noun} has payments, and Xero voids no ${noun} with payments. Clean up its payments first, then this ${noun}.`,
        );
      }
      const next = DELETABLE.includes(status) ? "DELETED" : "VOIDED";
      await callXero(
        client,
        (accounting) =>
          accounting.updateInvoice(client.tenantId, id, { invoices: [{ status: xeroEnum<Invoice.StatusEnum>(next) }] }),
        { operation: next === "DELETED" ? `delete the ${noun}` : `void the ${noun}`, signal },
      );
      return next === "DELETED" ? "Deleted" : "Voided";
    },
  };
}

export const paymentTestRecord: XeroTestRecord = {
  idField: "PaymentID",
  label: (output) => {
    const invoice = text(output, "Invoice.InvoiceNumber");
    return `Payment of ${text(output, "Amount") || "?"}${invoice ? ` on ${invoice}` : ""}`;
  },
  cleanUpDescription: "the payment is deleted, so its invoice is owed again",
  async cleanUp({ client, signal }, id) {
    await callXero(client, (accounting) => accounting.deletePayment(client.tenantId, id, { status: "DELETED" }), {
      operation: "delete the payment",
      signal,
    });
    return "Deleted";
  },
};

export const contactTestRecord: XeroTestRecord = {
  idField: "ContactID",
  // A contact the step found was there before the test: only one it created is the test's.
  created: (output) => readOwn(output, "created") === true,
  label: (output) => label("Contact", text(output, "Name"), "", ""),
  cleanUpDescription: "the contact is archived (Xero deletes no contact)",
  async cleanUp({ client, signal }, id) {
    await callXero(
      client,
      (accounting) =>
        accounting.updateContact(client.tenantId, id, {
          contacts: [{ contactID: id, contactStatus: xeroEnum("ARCHIVED") }],
        }),
      { operation: "archive the contact", signal },
    );
    return "Archived";
  },
};

export const itemTestRecord: XeroTestRecord = {
  idField: "ItemID",
  label: (output) => label("Item", text(output, "Code"), "", text(output, "Name")),
  cleanUpDescription: "the item is deleted from Xero's items list",
  async cleanUp({ client, signal }, id) {
    await callXero(client, (accounting) => accounting.deleteItem(client.tenantId, id), {
      operation: "delete the item",
      signal,
    });
    return "Deleted";
  },
};
