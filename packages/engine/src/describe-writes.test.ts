import { describe, expect, it } from "vitest";
import type { ActionWrites } from "./action-definition";
import { describeRepeatedTest, describeWrites, testWouldRepeat } from "./describe-writes";

const invoice: ActionWrites = { noun: "invoice", verb: "creates", nameField: "InvoiceNumber" };
const payment: ActionWrites = { noun: "payment", verb: "creates" };
const contact: ActionWrites = { noun: "contact", verb: "finds or creates", nameField: "Name" };
const nz = "Demo Company (NZ)";

describe("describeWrites", () => {
  it("says another for each write that already succeeded, sharing the word when all agree", () => {
    expect(
      describeWrites([
        { writes: invoice, organisation: nz, again: true },
        { writes: payment, organisation: nz, again: true },
      ]),
    ).toBe("creates another invoice and payment in Demo Company (NZ)");
    expect(
      describeWrites([
        { writes: invoice, organisation: nz, again: true },
        { writes: payment, organisation: nz },
      ]),
    ).toBe("creates another invoice and a payment in Demo Company (NZ)");
  });

  it("first writes read with their article, or as real ones for a test", () => {
    expect(describeWrites([{ writes: invoice, organisation: nz }])).toBe("creates an invoice in Demo Company (NZ)");
    expect(describeWrites([{ writes: invoice, organisation: nz }], { real: true })).toBe(
      "creates a real invoice in Demo Company (NZ)",
    );
  });

  it("groups by verb and by organisation, counts repeats of one kind, and names no place where the organisation is unknown", () => {
    expect(
      describeWrites([
        { writes: contact, organisation: nz, again: true },
        { writes: invoice, organisation: nz, again: true },
        { writes: invoice, organisation: nz, again: true },
        { writes: { noun: "bill", verb: "creates" }, organisation: "Harbour Books Ltd (UK)" },
        { writes: payment },
      ]),
    ).toBe(
      "finds or creates the contact and creates 2 more invoices in Demo Company (NZ), and creates a bill in Harbour Books Ltd (UK), and creates a payment",
    );
    expect(describeWrites([])).toBe("");
  });
});

describe("testing again", () => {
  it("asks only where a repeat creates another object, naming what the last test created", () => {
    expect(testWouldRepeat(invoice, { InvoiceNumber: "INV-0042" })).toBe(true);
    expect(testWouldRepeat(invoice, null)).toBe(false);
    expect(testWouldRepeat(contact, { Name: "Bayside Club" })).toBe(false);
    expect(testWouldRepeat(undefined, {})).toBe(false);
    expect(describeRepeatedTest(invoice, { InvoiceNumber: "INV-0042" })).toBe(
      "You already created INV-0042 by testing this step",
    );
    expect(describeRepeatedTest(payment, { PaymentID: "p-1" })).toBe(
      "You already created a payment by testing this step",
    );
  });
});
