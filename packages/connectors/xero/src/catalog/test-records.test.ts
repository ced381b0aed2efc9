import { createdTestRecord } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { stepErrorOf } from "../testing/step-error-of";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { createBill } from "./create-bill";
import { createItem } from "./create-item";

// Each action's test record, cleaned up against the package's own sandbox over HTTP; what the
// sandbox holds afterwards is read back through Xero's API.

const client = await sandboxClientForFile();
const signal = new AbortController().signal;

async function billStatus(id: string) {
  const { response } = await client.accounting.getInvoice(client.tenantId, id);
  return (response.data as { Invoices: { Status: string }[] }).Invoices[0]?.Status;
}

const bill = (status: string) =>
  runAction(createBill, client, {
    ContactName: uniqueName("Supplier"),
    InvoiceNumber: uniqueName("SUP"),
    Status: status,
    DueDate: "2026-12-31",
    LineItems: [{ Description: "Paper", Quantity: 1, UnitAmount: 20, AccountCode: "429" }],
  });

describe("the bill's test record", () => {
  const spec = createBill.test!.record!;

  it("is labelled by its number, status and supplier, and a bill awaiting approval is deleted", async () => {
    const created = await bill("SUBMITTED");
    const record = createdTestRecord(createBill, created);
    expect(record).toEqual({
      externalId: created.InvoiceID,
      label: `Bill ${created.InvoiceNumber} (submitted) · ${(created.Contact as { Name: string }).Name}`,
    });
    expect(await spec.cleanUp({ client, signal }, record!.externalId)).toBe("Deleted");
    expect(await billStatus(String(created.InvoiceID))).toBe("DELETED");
    // Cleaned again (a record cleaned in Xero by hand): nothing is sent, and it says so.
    expect(await spec.cleanUp({ client, signal }, record!.externalId)).toBe("Already deleted in Xero");
  });

  it("voids an approved bill, which Xero keeps", async () => {
    const created = await bill("AUTHORISED");
    expect(await spec.cleanUp({ client, signal }, String(created.InvoiceID))).toBe("Voided");
    expect(await billStatus(String(created.InvoiceID))).toBe("VOIDED");
  });

  it("keeps no record when the step answered with a bill that already existed", () => {
    expect(createdTestRecord(createBill, { alreadyExisted: true, InvoiceID: "b-1" })).toBeUndefined();
  });
});

describe("the item's test record", () => {
  it("deletes the item; cleaning up one that is gone says Xero found nothing", async () => {
    const code = uniqueName("TR").replace(" ", "-").toUpperCase();
    const item = await runAction(createItem, client, { Code: code, Name: "Tested item" });
    const record = createdTestRecord(createItem, item);
    expect(record?.label).toBe(`Item ${code} · Tested item`);
    const spec = createItem.test!.record!;
    expect(await spec.cleanUp({ client, signal }, String(item.ItemID))).toBe("Deleted");
    const gone = await stepErrorOf(spec.cleanUp({ client, signal }, String(item.ItemID)));
    expect(gone.code).toBe("xero_not_found");
  });
});
