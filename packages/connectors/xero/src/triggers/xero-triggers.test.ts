import type { InstantTriggerSource, PushedEvent } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { xeroTriggers } from "./xero-triggers";

// The rules that turn Xero's coarse "an invoice was created / updated" into what a bookkeeper
// means, checked on the event alone (accepts) and on the loaded record and its previous state (fires).

function source(key: string): InstantTriggerSource {
  const trigger = xeroTriggers.find((candidate) => candidate.key === key);
  if (trigger?.source.kind !== "instant") throw new Error(`${key} is not an instant trigger`);
  return trigger.source;
}

const event = (eventCategory: string, eventType: string): PushedEvent => ({
  accountExternalId: "tenant-1",
  payload: { eventCategory, eventType, resourceId: "r-1", tenantId: "tenant-1" },
});

/** Whether the trigger starts a run for this event, record and previous state. */
function fires(key: string, e: PushedEvent, record: Record<string, unknown>, previous: Record<string, unknown> | null) {
  const trigger = source(key);
  return trigger.accepts(e, {}) && (trigger.fires?.({ event: e, record, previous, input: {} }) ?? true);
}

const invoice = (Status: string, Type = "ACCREC") => ({ InvoiceID: "r-1", Type, Status });

describe("Invoice paid", () => {
  it("fires when the status becomes PAID, and not again while it stays PAID", () => {
    const update = event("INVOICE", "UPDATE");
    expect(fires("xero.invoice.paid", update, invoice("PAID"), { Status: "AUTHORISED" })).toBe(true);
    expect(fires("xero.invoice.paid", update, invoice("PAID"), { Status: "PAID" })).toBe(false);
    expect(fires("xero.invoice.paid", update, invoice("AUTHORISED"), { Status: "DRAFT" })).toBe(false);
  });

  it("counts a first sighting of a paid invoice (paid before its first event reached us)", () => {
    expect(fires("xero.invoice.paid", event("INVOICE", "CREATE"), invoice("PAID"), null)).toBe(true);
  });

  it("is for sales invoices: a paid bill does not fire it", () => {
    expect(
      fires("xero.invoice.paid", event("INVOICE", "UPDATE"), invoice("PAID", "ACCPAY"), { Status: "AUTHORISED" }),
    ).toBe(false);
  });
});

describe("Invoice approved", () => {
  const update = event("INVOICE", "UPDATE");
  it("fires when a draft or submitted invoice becomes AUTHORISED", () => {
    expect(fires("xero.invoice.approved", update, invoice("AUTHORISED"), { Status: "DRAFT" })).toBe(true);
    expect(fires("xero.invoice.approved", update, invoice("AUTHORISED"), { Status: "SUBMITTED" })).toBe(true);
  });

  it("does not fire again when an approved invoice is edited or paid", () => {
    expect(fires("xero.invoice.approved", update, invoice("AUTHORISED"), { Status: "AUTHORISED" })).toBe(false);
    expect(fires("xero.invoice.approved", update, invoice("PAID"), { Status: "AUTHORISED" })).toBe(false);
  });

  it("fires for an invoice created approved, but not for an old paid one first seen on an update", () => {
    expect(fires("xero.invoice.approved", event("INVOICE", "CREATE"), invoice("AUTHORISED"), null)).toBe(true);
    expect(fires("xero.invoice.approved", event("INVOICE", "CREATE"), invoice("PAID"), null)).toBe(true);
    expect(fires("xero.invoice.approved", update, invoice("PAID"), null)).toBe(false);
    expect(fires("xero.invoice.approved", update, invoice("DRAFT"), null)).toBe(false);
  });
});

describe("the event filters", () => {
  it("match the category and the event type before any record is loaded", () => {
    expect(source("xero.invoice.created").accepts(event("INVOICE", "CREATE"), {})).toBe(true);
    expect(source("xero.invoice.created").accepts(event("INVOICE", "UPDATE"), {})).toBe(false);
    expect(source("xero.contact.created").accepts(event("INVOICE", "CREATE"), {})).toBe(false);
    expect(source("xero.contact.updated").accepts(event("CONTACT", "UPDATE"), {})).toBe(true);
    expect(source("xero.credit_note.created").accepts(event("CREDITNOTE", "CREATE"), {})).toBe(true);
  });

  it("tell sales invoices from bills on the record", () => {
    const created = event("INVOICE", "CREATE");
    expect(fires("xero.bill.created", created, invoice("DRAFT", "ACCPAY"), null)).toBe(true);
    expect(fires("xero.bill.created", created, invoice("DRAFT", "ACCREC"), null)).toBe(false);
    expect(fires("xero.invoice.created", created, invoice("DRAFT", "ACCPAY"), null)).toBe(false);
  });

  it("let the general trigger choose its category and event type as settings", () => {
    const general = source("xero.event");
    const settings = { eventCategory: "CONTACT", eventType: "UPDATE" };
    expect(general.accepts(event("CONTACT", "UPDATE"), settings)).toBe(true);
    expect(general.accepts(event("CONTACT", "CREATE"), settings)).toBe(false);
    expect(general.accepts(event("INVOICE", "UPDATE"), settings)).toBe(false);
  });
});

describe("the run history's name of a record", () => {
  const label = (key: string, record: Record<string, unknown>) =>
    xeroTriggers.find((candidate) => candidate.key === key)?.recordLabel?.(record);

  it("is an invoice's or a credit note's number and a contact's name", () => {
    expect(label("xero.invoice.paid", { InvoiceNumber: "INV-0042", Contact: { Name: "Ada" } })).toBe("INV-0042");
    expect(label("xero.contact.created", { ContactID: "c-1", Name: "Ada Lovelace" })).toBe("Ada Lovelace");
    expect(label("xero.credit_note.created", { CreditNoteNumber: "CN-0007" })).toBe("CN-0007");
  });

  it("reads whichever kind of record the general trigger got, and is null for a record without a name", () => {
    expect(label("xero.event", { Name: "Grace Hopper" })).toBe("Grace Hopper");
    expect(label("xero.event", { InvoiceNumber: "INV-0001" })).toBe("INV-0001");
    expect(label("xero.bill.created", { InvoiceID: "i-1", InvoiceNumber: "" })).toBeNull();
  });
});

it("every trigger has a title in Xero's words, a group and a sample with a record", () => {
  for (const trigger of xeroTriggers) {
    expect(trigger.title.length).toBeGreaterThan(3);
    expect(trigger.group.length).toBeGreaterThan(0);
    expect(trigger.sample).toHaveProperty("record");
  }
});
