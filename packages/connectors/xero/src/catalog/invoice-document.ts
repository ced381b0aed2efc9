import { field, fieldSpecs, type InputOf } from "@ledgerflow/engine";
import type { CurrencyCode, Invoice, LineAmountTypes } from "xero-node";
import { callXero } from "../call-xero";
import { defineXeroAction, type XeroActionDefinition } from "../xero-action-definition";
import { xeroEnum } from "../xero-enum";
import { savedRecord, type XeroRecord } from "../xero-records";
import {
  avoidDuplicatesField,
  checkDuplicateInput,
  type DocumentType,
  findExistingDocument,
} from "./existing-document";
import { lineItemFields, toXeroLineItem } from "./line-items";
import { sampleInvoice } from "./output-samples";
import { documentTestRecord } from "./test-records";

// Sales invoices (ACCREC) and bills (ACCPAY) are one Xero object, `Invoice`, told apart by `Type`:
// one builder serves both catalog entries.

/** Who the document is to, its dates and its number: the fields before a sales invoice's reference. */
function headingFields(type: DocumentType) {
  const sales = type === "ACCREC";
  const party = sales ? "customer" : "supplier";
  return {
    ContactID: field.select({
      label: sales ? "Customer" : "Supplier",
      help: `The ${party} in Xero, e.g. found or created by an earlier step. Leave empty to use the name below.`,
      options: { loader: "xero.contacts" },
    }),
    ContactName: field.text({
      label: `${sales ? "Customer" : "Supplier"} name`,
      help: `Used when no ${party} is chosen above: Xero uses the contact with this exact name, or creates one.`,
    }),
    Date: field.date({ label: sales ? "Invoice date" : "Bill date", help: "Defaults to today." }),
    DueDate: field.date({
      label: "Due date",
      help: `When payment is due. Xero needs it to approve the ${sales ? "invoice" : "bill"} unless the contact has default payment terms.`,
    }),
    InvoiceNumber: field.text({
      label: sales ? "Invoice number" : "Supplier's invoice number",
      help: sales
        ? "Leave empty to let Xero number the invoice; must be unique when set."
        : "The number on the supplier's invoice, shown as the bill's reference.",
    }),
  };
}

/** Only sales invoices have a reference of their own (a bill's is the supplier's invoice number). */
const referenceField = field.text({
  label: "Reference",
  help: "Shown on the invoice, e.g. the customer's purchase order number.",
});

function bodyFields(type: DocumentType) {
  const sales = type === "ACCREC";
  return {
    Status: field.select({
      label: "Status",
      required: true,
      default: "DRAFT",
      help: `Draft ${sales ? "invoices" : "bills"} can still be edited in Xero; approved ones can take payments.`,
      options: {
        static: [
          { value: "DRAFT", label: "Draft" },
          { value: "SUBMITTED", label: "Awaiting approval" },
          { value: "AUTHORISED", label: sales ? "Approved (awaiting payment)" : "Approved" },
        ],
      },
    }),
    CurrencyCode: field.select({
      label: "Currency",
      help: "Defaults to the organisation's base currency.",
      options: { loader: "xero.currencies" },
    }),
    LineAmountTypes: field.select({
      label: "Amounts are",
      default: "Exclusive",
      options: {
        static: [
          { value: "Exclusive", label: "Tax exclusive" },
          { value: "Inclusive", label: "Tax inclusive" },
          { value: "NoTax", label: "No tax" },
        ],
      },
    }),
    LineItems: field.list({
      label: "Line items",
      required: true,
      help: "One entry per line; map a list from the trigger to create one line per element.",
      item: lineItemFields(sales ? "sales" : "purchases"),
    }),
    avoidDuplicates: avoidDuplicatesField(type),
  };
}

type HeadingFields = ReturnType<typeof headingFields>;
type BodyFields = ReturnType<typeof bodyFields>;
/** In this order; a bill's leave `Reference` out. */
type DocumentFields = HeadingFields & { Reference?: typeof referenceField } & BodyFields;

function documentFields(type: DocumentType): DocumentFields {
  const reference = type === "ACCREC" ? { Reference: referenceField } : {};
  return { ...headingFields(type), ...reference, ...bodyFields(type) };
}

type InvoiceInput = InputOf<DocumentFields>;

export function toXeroInvoice(type: DocumentType, input: InvoiceInput): Invoice {
  return {
    type: xeroEnum<Invoice.TypeEnum>(type),
    contact: input.ContactID ? { contactID: input.ContactID } : { name: input.ContactName },
    date: input.Date,
    dueDate: input.DueDate,
    invoiceNumber: input.InvoiceNumber,
    reference: type === "ACCREC" ? input.Reference : undefined,
    status: xeroEnum<Invoice.StatusEnum>(input.Status),
    currencyCode: xeroEnum<CurrencyCode>(input.CurrencyCode),
    lineAmountTypes: xeroEnum<LineAmountTypes>(input.LineAmountTypes),
    lineItems: input.LineItems.map(toXeroLineItem),
  };
}

/** A catalog entry that creates an invoice of the given type (PUT /Invoices). */
export function invoiceAction(
  type: DocumentType,
  entry: Pick<XeroActionDefinition, "key" | "title" | "description" | "scopes">,
) {
  const fields = documentFields(type);
  const specs = fieldSpecs(fields);
  const sales = type === "ACCREC";
  const operation = sales ? "create the invoice" : "create the bill";
  return defineXeroAction({
    ...entry,
    kind: "action",
    writes: { noun: sales ? "invoice" : "bill", verb: "creates", nameField: "InvoiceNumber" },
    // A test makes a draft, which nobody can pay or send by mistake and which clean-up deletes
    // outright. A later "Record payment" step cannot be tested against a draft (Xero takes payments
    // only on approved documents), so the Test section offers the opt-out on this step, as Zapier
    // and n8n users expect a test to do what the step says once they ask for it: a real approved
    // document, which clean-up voids.
    test: {
      override: {
        field: "Status",
        value: "DRAFT",
        label: "Tested as a draft",
        optOutLabel: "Test with the step's own status",
      },
      record: documentTestRecord(type),
    },
    group: sales ? "Invoices" : "Bills",
    fields,
    check(input) {
      const contact = input.ContactID || input.ContactName;
      const noContact = { field: "ContactID", message: "choose a contact or give a contact name" } as const;
      return [...(contact ? [] : [noContact]), ...checkDuplicateInput(type, input)];
    },
    // `alreadyExisted` is ours (lower case, like a search's `found`): true when "When one already
    // exists" found the document in Xero and the step answered with it instead of creating one.
    outputSample: {
      alreadyExisted: false,
      ...(sales ? sampleInvoice : { ...sampleInvoice, Type: "ACCPAY", InvoiceNumber: "SUP-881" }),
    },
    async run(ctx, input): Promise<{ alreadyExisted: boolean } & XeroRecord> {
      const existing = await findExistingDocument(ctx.client, type, input, { signal: ctx.signal, fields: specs });
      if (existing) return { alreadyExisted: true, ...existing };
      const body = await callXero(
        ctx.client,
        (accounting) =>
          accounting.createInvoices(
            ctx.client.tenantId,
            { invoices: [toXeroInvoice(type, input)] },
            true,
            4,
            ctx.idempotencyKey,
          ),
        { operation, signal: ctx.signal, fields: specs, input },
      );
      return { alreadyExisted: false, ...savedRecord(body, "Invoices", { operation, fields: specs, input }) };
    },
  });
}
