import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PurchaseOrderRecord, PurchaseOrderStatus } from "./document-books";
import { type DocumentNumbering, documentNumber } from "./document-numbers";
import { checkStatus, type StatusRules } from "./document-status";
import { type DocumentKind, setOptionalFields } from "./document-writes";
import { guidInput, optionalText } from "./input-fields";
import type { OrganisationBooks } from "./ledger-types";
import { draftLineItemDocument, lineItemDocumentInputSchema } from "./line-item-document";
import { readOptionalDate } from "./xero-dates";
import { XeroValidationError } from "./xero-errors";

export const purchaseOrderInputSchema = lineItemDocumentInputSchema.extend({
  PurchaseOrderID: guidInput.optional(),
  PurchaseOrderNumber: optionalText(255),
  DeliveryDate: z.unknown().optional(),
  ExpectedArrivalDate: z.unknown().optional(),
  DeliveryAddress: optionalText(),
  AttentionTo: optionalText(255),
  Telephone: optionalText(50),
  DeliveryInstructions: optionalText(),
});

export type PurchaseOrderInput = z.infer<typeof purchaseOrderInputSchema>;

const NAME = "Purchase Order";

/**
 * Drafted, submitted for approval, approved, then billed (which can be undone); any but a billed
 * order can be deleted, and a deleted one is final.
 */
const STATUS_RULES: StatusRules<PurchaseOrderStatus> = {
  messageName: NAME,
  initial: "DRAFT",
  create: ["DRAFT", "SUBMITTED", "AUTHORISED"],
  moves: {
    DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
    SUBMITTED: ["SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"],
    AUTHORISED: ["AUTHORISED", "BILLED", "DELETED"],
    BILLED: ["BILLED", "AUTHORISED"],
    DELETED: [],
  },
};

const NUMBERING: DocumentNumbering<PurchaseOrderRecord> = {
  records: (books) => books.purchaseOrders,
  idOf: (order) => order.PurchaseOrderID,
  numberOf: (order) => order.PurchaseOrderNumber,
  counter: "nextPurchaseOrderNumber",
  prefix: "PO",
  duplicate: "Order number must be unique",
};

const TEXT_FIELDS = ["Reference", "DeliveryAddress", "AttentionTo", "Telephone", "DeliveryInstructions"] as const;

function buildPurchaseOrder(
  books: OrganisationBooks,
  input: PurchaseOrderInput,
  existing: PurchaseOrderRecord | undefined,
) {
  const messages: string[] = [];
  const status = checkStatus(STATUS_RULES, existing?.Status, input.Status, messages);

  const amountType = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "Exclusive";
  const draft = draftLineItemDocument(
    books,
    input,
    existing,
    {
      itemDetails: "ACCPAY",
      amountType,
      requireAccount: false,
      unitDecimals: 2,
    },
    messages,
  );
  const deliveryDate = readOptionalDate(input.DeliveryDate, "DeliveryDate", messages) ?? existing?.DeliveryDate;
  const expectedArrivalDate =
    readOptionalDate(input.ExpectedArrivalDate, "ExpectedArrivalDate", messages) ?? existing?.ExpectedArrivalDate;
  const orderNumber = documentNumber(
    NUMBERING,
    books,
    input.PurchaseOrderNumber ?? existing?.PurchaseOrderNumber,
    existing,
    messages,
  );
  if (messages.length || !status) throw new XeroValidationError([...new Set(messages)]);

  const shared = draft.finish();
  const record: Omit<PurchaseOrderRecord, "UpdatedDateUTC"> = {
    PurchaseOrderID: existing?.PurchaseOrderID ?? randomUUID(),
    PurchaseOrderNumber: orderNumber(),
    ...shared.record,
    Status: status,
    LineAmountTypes: amountType,
    TotalDiscount: draft.TotalDiscount,
    HasAttachments: false,
  };
  if (deliveryDate) record.DeliveryDate = deliveryDate;
  if (expectedArrivalDate) record.ExpectedArrivalDate = expectedArrivalDate;
  setOptionalFields(record, input, existing, TEXT_FIELDS);
  return { record, changes: shared.changes };
}

/** Purchase orders to suppliers, numbered PO-0001… unless a number is given; found by id or number. */
export const purchaseOrderKind: DocumentKind<PurchaseOrderInput, PurchaseOrderRecord> = {
  messageName: NAME,
  idField: "PurchaseOrderID",
  numberField: "PurchaseOrderNumber",
  records: (books) => books.purchaseOrders,
  build: buildPurchaseOrder,
};
