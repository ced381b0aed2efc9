import type { FieldSpec } from "@ledgerflow/engine";
import { z } from "zod";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { whereLiteral } from "./xero-where";

// Belt and braces for money: before creating an invoice or a bill, the step can ask Xero whether
// the same contact already has one with this reference or number, and answer with that one
// instead. Idempotency keys stop a retry of one run from writing twice; this stops two runs (a
// webhook delivered twice, a re-run from the start) from doing so.

export type DocumentType = "ACCREC" | "ACCPAY";

export const AVOID_DUPLICATES = ["off", "Reference", "InvoiceNumber"] as const;
export type AvoidDuplicates = (typeof AVOID_DUPLICATES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const documentNoun = (type: DocumentType) => (type === "ACCREC" ? "invoice" : "bill");

/** The per-step choice, off by default (bills have no reference of their own: only the number). */
export function avoidDuplicatesField(type: DocumentType): FieldSpec {
  const sales = type === "ACCREC";
  const noun = documentNoun(type);
  return {
    name: "avoidDuplicates",
    label: "When one already exists",
    type: "select",
    required: true,
    default: "off",
    help: `Checks Xero first for a ${noun} to the same ${sales ? "customer" : "supplier"} with the same ${
      sales ? "reference or invoice number" : "supplier's invoice number"
    } (deleted and voided ones aside). If there is one, the step answers with it, and “already existed” is true.`,
    options: {
      static: [
        { value: "off", label: `Always create a new ${noun}` },
        ...(sales ? [{ value: "Reference", label: "Use the one with the same reference" }] : []),
        {
          value: "InvoiceNumber",
          label: sales
            ? "Use the one with the same invoice number"
            : "Use the one with the same supplier's invoice number",
        },
      ],
    },
  };
}

export const avoidDuplicatesSchema = z.enum(AVOID_DUPLICATES).default("off");

interface DuplicateCheckInput {
  avoidDuplicates: AvoidDuplicates;
  ContactID?: string;
  ContactName?: string;
  Reference?: string;
  InvoiceNumber?: string;
}

/** Zod issues for a check that cannot be made: the value to match on, or a usable contact, is missing. */
export function checkDuplicateInput(type: DocumentType, input: DuplicateCheckInput, ctx: z.RefinementCtx): void {
  const by = input.avoidDuplicates;
  if (by === "off") return;
  if (by === "Reference" && type === "ACCPAY") {
    ctx.addIssue({
      code: "custom",
      path: ["avoidDuplicates"],
      message: "bills have no reference: use the supplier's invoice number",
    });
    return;
  }
  if (!input[by]) {
    ctx.addIssue({ code: "custom", path: [by], message: `is needed to look for an existing ${documentNoun(type)}` });
  }
  if (input.ContactID && !GUID.test(input.ContactID)) {
    ctx.addIssue({
      code: "custom",
      path: ["ContactID"],
      message: "must be a Xero contact ID to look for an existing one",
    });
  }
}

/**
 * The contact's live document of this type with the same reference or number, or undefined.
 * `GET /Invoices` with a `where` filter on Xero's optimised fields; page 1, so that Xero includes the
 * line items, and 4 decimals, as the step creates them.
 */
export async function findExistingDocument(
  client: XeroClientContext,
  type: DocumentType,
  input: DuplicateCheckInput,
  options: { signal: AbortSignal; fields: FieldSpec[] },
): Promise<XeroRecord | undefined> {
  const by = input.avoidDuplicates;
  if (by === "off") return undefined;
  const contact = input.ContactID
    ? `Contact.ContactID==Guid(${whereLiteral(input.ContactID)})`
    : `Contact.Name==${whereLiteral(input.ContactName ?? "")}`;
  const where = [
    `Type==${whereLiteral(type)}`,
    `${by}==${whereLiteral(input[by] ?? "")}`,
    contact,
    'Status!="DELETED"',
    'Status!="VOIDED"',
  ].join(" AND ");
  const body = await callXero(
    client,
    (accounting) =>
      accounting.getInvoices(
        client.tenantId,
        undefined,
        where,
        "Date ASC",
        undefined,
        undefined,
        undefined,
        undefined,
        1,
        undefined,
        undefined,
        4,
        undefined,
        1,
      ),
    { operation: `look for an existing ${documentNoun(type)}`, signal: options.signal, fields: options.fields },
  );
  const [existing] = recordsOf(body, "Invoices");
  return existing ? withoutNoise(existing) : undefined;
}
