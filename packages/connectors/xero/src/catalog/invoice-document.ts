import type { FieldSpec } from "@ledgerflow/engine";
import type { CurrencyCode, Invoice, LineAmountTypes } from "xero-node";
import { z } from "zod";
import { callXero } from "../call-xero";
import type { XeroActionDefinition } from "../xero-action-definition";
import { xeroEnum } from "../xero-enum";
import { savedRecord, type XeroRecord } from "../xero-records";
import {
  avoidDuplicatesField,
  avoidDuplicatesSchema,
  checkDuplicateInput,
  type DocumentType,
  findExistingDocument,
} from "./existing-document";
import { lineItemFields, lineItemSchema, toXeroLineItem } from "./line-items";
import { sampleInvoice } from "./output-samples";
import { optionalDate, optionalText, parseStepInput } from "./step-input";

// Sales invoices (ACCREC) and bills (ACCPAY) are one Xero object, `Invoice`, told apart by `Type`:
// one builder serves both catalog entries.

const STATUSES = ["DRAFT", "SUBMITTED", "AUTHORISED"] as const;
const LINE_AMOUNT_TYPES = ["Exclusive", "Inclusive", "NoTax"] as const;

function documentFields(type: DocumentType): FieldSpec[] {
  const sales = type === "ACCREC";
  const party = sales ? "customer" : "supplier";
  return [
    {
      name: "ContactID",
      label: sales ? "Customer" : "Supplier",
      type: "select",
      help: `The ${party} in Xero, e.g. found or created by an earlier step. Leave empty to use the name below.`,
      options: { loader: "contacts" },
    },
    {
      name: "ContactName",
      label: `${sales ? "Customer" : "Supplier"} name`,
      type: "string",
      help: `Used when no ${party} is chosen above: Xero uses the contact with this exact name, or creates one.`,
    },
    { name: "Date", label: sales ? "Invoice date" : "Bill date", type: "date", help: "Defaults to today." },
    {
      name: "DueDate",
      label: "Due date",
      type: "date",
      help: `When payment is due. Xero needs it to approve the ${sales ? "invoice" : "bill"} unless the contact has default payment terms.`,
    },
    {
      name: "InvoiceNumber",
      label: sales ? "Invoice number" : "Supplier's invoice number",
      type: "string",
      help: sales
        ? "Leave empty to let Xero number the invoice; must be unique when set."
        : "The number on the supplier's invoice, shown as the bill's reference.",
    },
    ...(sales
      ? [
          {
            name: "Reference",
            label: "Reference",
            type: "string" as const,
            help: "Shown on the invoice, e.g. the customer's purchase order number.",
          },
        ]
      : []),
    {
      name: "Status",
      label: "Status",
      type: "select",
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
    },
    {
      name: "CurrencyCode",
      label: "Currency",
      type: "select",
      help: "Defaults to the organisation's base currency.",
      options: { loader: "currencies" },
    },
    {
      name: "LineAmountTypes",
      label: "Amounts are",
      type: "select",
      default: "Exclusive",
      options: {
        static: [
          { value: "Exclusive", label: "Tax exclusive" },
          { value: "Inclusive", label: "Tax inclusive" },
          { value: "NoTax", label: "No tax" },
        ],
      },
    },
    {
      name: "LineItems",
      label: "Line items",
      type: "list",
      required: true,
      help: "One entry per line; map a list from the trigger to create one line per element.",
      itemFields: lineItemFields(sales ? "sales" : "purchases"),
    },
    avoidDuplicatesField(type),
  ];
}

const baseSchema = z
  .object({
    ContactID: optionalText,
    ContactName: optionalText,
    Date: optionalDate,
    DueDate: optionalDate,
    InvoiceNumber: optionalText,
    Reference: optionalText,
    Status: z.enum(STATUSES).default("DRAFT"),
    CurrencyCode: optionalText,
    LineAmountTypes: z.enum(LINE_AMOUNT_TYPES).default("Exclusive"),
    LineItems: z.array(lineItemSchema, { error: "must be a list of line items" }).min(1, "needs at least one line"),
    avoidDuplicates: avoidDuplicatesSchema,
  })
  .refine((input) => input.ContactID || input.ContactName, {
    path: ["ContactID"],
    message: "choose a contact or give a contact name",
  });

const inputSchema = (type: DocumentType) =>
  baseSchema.superRefine((input, ctx) => checkDuplicateInput(type, input, ctx));

type InvoiceInput = z.output<typeof baseSchema>;

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
): XeroActionDefinition<Record<string, unknown>, XeroRecord> {
  const fields = documentFields(type);
  const schema = inputSchema(type);
  const sales = type === "ACCREC";
  const operation = sales ? "create the invoice" : "create the bill";
  return {
    ...entry,
    kind: "action",
    writes: { noun: sales ? "invoice" : "bill", verb: "creates", nameField: "InvoiceNumber" },
    group: sales ? "Invoices" : "Bills",
    fields,
    // `alreadyExisted` is ours (lower case, like a search's `found`): true when "When one already
    // exists" found the document in Xero and the step answered with it instead of creating one.
    outputSample: {
      alreadyExisted: false,
      ...(sales ? sampleInvoice : { ...sampleInvoice, Type: "ACCPAY", InvoiceNumber: "SUP-881" }),
    },
    async run(ctx, rawInput) {
      const input = parseStepInput(schema, rawInput, fields);
      const existing = await findExistingDocument(ctx.client, type, input, { signal: ctx.signal, fields });
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
        { operation, signal: ctx.signal, fields },
      );
      return { alreadyExisted: false, ...savedRecord(body, "Invoices", { operation, fields }) };
    },
  };
}
