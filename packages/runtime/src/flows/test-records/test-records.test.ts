import { randomUUID } from "node:crypto";
import { getXeroClient, sandboxAdmin } from "@ledgerflow/connector-xero/testing";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { encryptTokenPair } from "@ledgerflow/vault";
import { afterAll, describe, expect, it } from "vitest";
import { createFlow } from "../create-flow";
import { testFlowStep } from "../test-flow-step";
import { updateFlowDraft } from "../update-flow-draft";
import { cleanUpTestRecords } from "./clean-up-test-records";
import { listTestRecords } from "./list-test-records";

// Test, the records it keeps and their clean-up, against real Postgres and the sandbox over HTTP:
// what the sandbox holds afterwards is read back through Xero's own API.

const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `test-records-${suffix}@example.test`, name: "Tess" } });
const workspace = await prisma.workspace.create({
  data: { name: `Test records ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

/** One sandbox organisation, stored as the Xero callback stores it. */
async function connectOrganisation() {
  const [tenantId] = (await sandboxAdmin.mintTokens()).tenantIds;
  const minted = await sandboxAdmin.mintTokens({
    tenantIds: [tenantId!],
    email: `records-${randomUUID()}@sandbox.test`,
  });
  const [atXero] = await sandboxAdmin.grantConnections(minted.grantId);
  return prisma.connection.create({
    data: {
      workspaceId,
      provider: "xero",
      externalId: atXero!.tenantId,
      name: "Records Org",
      providerData: { tenantType: "ORGANISATION", connectionId: atXero!.id },
      scopes: minted.scope.split(" "),
      expiresAt: new Date(Date.now() + minted.expires_in * 1000),
      createdById: user.id,
      ...encryptTokenPair({ accessToken: minted.access_token, refreshToken: minted.refresh_token }),
    },
  });
}

const connection = await connectOrganisation();
const xero = await getXeroClient(connection.id, workspaceId);

/** An approved invoice for 100 (no tax), then its full payment into account 090. */
function invoiceThenPayment(customer: string): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body: { customer } } },
    steps: [
      {
        key: "invoice",
        action: "xero.createInvoice",
        connectionId: connection.id,
        input: {
          ContactName: "{{trigger.body.customer}}",
          Status: "AUTHORISED",
          LineAmountTypes: "NoTax",
          DueDate: "2026-12-31",
          LineItems: [{ Description: "Consulting", Quantity: 1, UnitAmount: 100, AccountCode: "200" }],
        },
      },
      {
        key: "payment",
        action: "xero.createPayment",
        connectionId: connection.id,
        input: { InvoiceID: "{{steps.invoice.InvoiceID}}", AccountCode: "090", Amount: 100, Date: "2026-11-24" },
      },
    ],
  } as FlowDefinition;
}

async function flowOf(definition: FlowDefinition) {
  const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
  await updateFlowDraft({ workspaceId, flowId, draft: definition });
  return flowId;
}

async function invoiceInXero(invoiceId: string) {
  const { response } = await xero.accounting.getInvoice(xero.tenantId, invoiceId);
  return (response.data as { Invoices: { Status: string; AmountPaid: number }[] }).Invoices[0]!;
}

describe("test records", () => {
  it("tests an approved invoice step as a draft, lists it, and clean-up deletes it in Xero", async () => {
    const customer = `Acme ${suffix}`;
    const flowId = await flowOf(invoiceThenPayment(customer));

    const tested = await testFlowStep({ workspaceId, flowId, stepKey: "invoice" });
    expect(tested.error).toBeNull();
    expect(tested.input).toMatchObject({ Status: "DRAFT" });
    expect(tested.override).toEqual({
      field: "Status",
      value: "DRAFT",
      stepValue: "AUTHORISED",
      label: "Tested as a draft",
    });
    const invoice = tested.output as { InvoiceID: string; InvoiceNumber: string; Status: string };
    expect(invoice.Status).toBe("DRAFT");
    expect(tested.connectionId).toBe(connection.id);

    const [listed] = await listTestRecords({ workspaceId, flowId });
    expect(listed).toMatchObject({
      stepKey: "invoice",
      noun: "invoice",
      label: `Invoice ${invoice.InvoiceNumber} (draft) · ${customer}`,
      connectionName: "Records Org",
      cleanedAt: null,
    });
    expect(listed?.cleanUp).toContain("a draft invoice is deleted");

    const [cleaned] = await cleanUpTestRecords({ workspaceId, flowId });
    expect(cleaned).toMatchObject({ cleanupResult: "Deleted", cleanupError: false });
    expect(cleaned?.cleanedAt).toBeInstanceOf(Date);
    expect((await invoiceInXero(invoice.InvoiceID)).Status).toBe("DELETED");

    // A second clean-up sends nothing for a record already cleaned.
    const again = await cleanUpTestRecords({ workspaceId, flowId });
    expect(again.map((record) => record.cleanupResult)).toEqual(["Deleted"]);
  });

  it("with the step's own status, a payment can be tested too; clean-up deletes the payment, then voids the invoice", async () => {
    const flowId = await flowOf(invoiceThenPayment(`Bayside ${suffix}`));
    const tested = await testFlowStep({ workspaceId, flowId, stepKey: "invoice", useStepValues: true });
    expect(tested.override).toBeUndefined();
    const invoice = tested.output as { InvoiceID: string; Status: string };
    expect(invoice.Status).toBe("AUTHORISED");
    const paid = await testFlowStep({ workspaceId, flowId, stepKey: "payment" });
    expect(paid.error).toBeNull();
    expect((await invoiceInXero(invoice.InvoiceID)).Status).toBe("PAID");

    const records = await cleanUpTestRecords({ workspaceId, flowId });
    expect(records.map(({ noun, cleanupResult }) => [noun, cleanupResult])).toEqual([
      ["payment", "Deleted"],
      ["invoice", "Voided"],
    ]);
    expect(await invoiceInXero(invoice.InvoiceID)).toMatchObject({ Status: "VOIDED", AmountPaid: 0 });
  });

  it("says why an invoice paid outside the test is not cleaned up, and leaves it as it was", async () => {
    const flowId = await flowOf(invoiceThenPayment(`Paid ${suffix}`));
    const tested = await testFlowStep({ workspaceId, flowId, stepKey: "invoice", useStepValues: true });
    const invoice = tested.output as { InvoiceID: string };
    await xero.accounting.createPayment(xero.tenantId, {
      invoice: { invoiceID: invoice.InvoiceID },
      account: { code: "090" },
      amount: 100,
    });

    const [record] = await cleanUpTestRecords({ workspaceId, flowId });
    expect(record).toMatchObject({ cleanedAt: null, cleanupError: true });
    expect(record?.cleanupResult).toBe(
      "Not cleaned up: the invoice has payments, and Xero voids no invoice with payments. Clean up its payments first, then this invoice.",
    );
    expect((await invoiceInXero(invoice.InvoiceID)).Status).toBe("PAID");
  });

  it("keeps no record of a contact the step found rather than created, and archives one it created", async () => {
    const name = `Found ${suffix}`;
    const definition: FlowDefinition = {
      schemaVersion: 2,
      trigger: { type: "webhook", config: {}, sample: { body: {} } },
      steps: [
        {
          key: "contact",
          action: "xero.findOrCreateContact",
          connectionId: connection.id,
          input: { matchBy: "Name", Name: name },
        },
      ],
    } as FlowDefinition;
    const flowId = await flowOf(definition);
    const created = await testFlowStep({ workspaceId, flowId, stepKey: "contact" });
    expect(created.output).toMatchObject({ created: true });
    const found = await testFlowStep({ workspaceId, flowId, stepKey: "contact" });
    expect(found.output).toMatchObject({ created: false });
    expect((await listTestRecords({ workspaceId, flowId })).map((record) => record.label)).toEqual([`Contact ${name}`]);

    const [archived] = await cleanUpTestRecords({ workspaceId, flowId });
    expect(archived?.cleanupResult).toBe("Archived");
    const contactId = (created.output as { ContactID: string }).ContactID;
    const { response } = await xero.accounting.getContact(xero.tenantId, contactId);
    expect((response.data as { Contacts: { ContactStatus: string }[] }).Contacts[0]?.ContactStatus).toBe("ARCHIVED");
  });
});
