import { type FieldSpec, field, type InputCheckProblem } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { whereLiteral } from "./xero-where";

// Belt and braces for money: before creating an invoice or a bill, the step can ask Xero whether
// the same contact already has one with this reference or number, and answer with that one
// instead. Idempotency keys stop a retry of one run from writing twice; this stops two runs (a
// webhook delivered twice, a re-run from the start) from doing so.

export type DocumentType = "ACCREC" | "ACCPAY";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const documentNoun = (type: DocumentType) => (type === "ACCREC" ? "invoice" : "bill");

/** The per-step choice, off by default (bills have no reference of their own: only the number). */
export function avoidDuplicatesField(type: DocumentType) {
  const sales = type === "ACCREC";
  const noun = documentNoun(type);
  const byReference = { value: "Reference", label: "Use the one with the same reference" } as const;
  return field.select({
    label: "When one already exists",
    required: true,
    default: "off",
    help: `Checks Xero first for a ${noun} to the same ${sales ? "customer" : "supplier"} with the same ${
      sales ? "reference or invoice number" : "supplier's invoice number"
    } (deleted and voided ones aside). If there is one, the step answers with it, and “already existed” is true.`,
    options: {
      static: [
        { value: "off", label: `Always create a new ${noun}` },
        // A bill's choices leave "Reference" out, so the engine refuses it for a bill.
        ...(sales ? [byReference] : []),
        {
          value: "InvoiceNumber",
          label: sales
            ? "Use the one with the same invoice number"
            : "Use the one with the same supplier's invoice number",
        },
      ],
    },
  });
}

export type AvoidDuplicates = "off" | "Reference" | "InvoiceNumber";

interface DuplicateCheckInput {
  avoidDuplicates: AvoidDuplicates;
  ContactID?: string;
  ContactName?: string;
  Reference?: string;
  InvoiceNumber?: string;
}

/** The problems of a check that cannot be made: the value to match on, or a usable contact, is missing. */
export function checkDuplicateInput(
  type: DocumentType,
  input: DuplicateCheckInput,
): InputCheckProblem<"Reference" | "InvoiceNumber" | "ContactID">[] {
  const by = input.avoidDuplicates;
  if (by === "off") return [];
  const problems: InputCheckProblem<"Reference" | "InvoiceNumber" | "ContactID">[] = [];
  if (!input[by]) problems.push({ field: by, message: `is needed to look for an existing ${documentNoun(type)}` });
  if (input.ContactID && !GUID.test(input.ContactID)) {
    problems.push({ field: "ContactID", message: "must be a Xero contact ID to look for an existing one" });
  }
  return problems;
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
