import { randomBytes } from "node:crypto";
import { type Prisma, prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { hash } from "@node-rs/argon2";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { password, seedSandboxConnection, xeroGet } from "./support/journey-helpers";
import { test } from "./support/test";

// No button writes to Xero twice without the person being told and agreeing: a re-run from the
// start of a run whose invoice and payment succeeded, and a second Test of a create-invoice step.
// Each dialog names what will be written and where; cancelling writes nothing (read back from the
// sandbox over its own API) and confirming writes exactly one more. Tests write drafts, the editor
// lists what they created and cleans it up, and a test whose step changed says it is out of date.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = randomBytes(5).toString("hex");

test.afterAll(async () => {
  await prisma.$disconnect();
});

interface WireInvoice {
  InvoiceID: string;
  InvoiceNumber: string;
  Status: string;
}

async function invoicesWithReference(tenantId: string, reference: string) {
  const where = encodeURIComponent(`Reference=="${reference}"`);
  const { Invoices } = await xeroGet<{ Invoices: WireInvoice[] }>(tenantId, `/Invoices?where=${where}`);
  return Invoices;
}

async function paymentsOf(tenantId: string, invoiceIds: string[]) {
  const { Payments } = await xeroGet<{ Payments: { Invoice: { InvoiceID: string } }[] }>(tenantId, "/Payments");
  return Payments.filter((payment) => invoiceIds.includes(payment.Invoice.InvoiceID));
}

/** A user of their own workspace with Demo Company (NZ) connected, signed in through the form. */
async function signedInWithXero(page: Page, name: string) {
  const email = `money-${name.toLowerCase()}-${unique}@example.com`;
  const { user, workspace } = await createUserWithWorkspace({ email, name, passwordHash: await hash(password) });
  const connection = await seedSandboxConnection(workspace.id, user.id);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible({ timeout: 30_000 });
  return { user, workspace, connection };
}

/**
 * The page at desktop and phone width: nothing wider than the screen, a screenshot of each; the open
 * dialog wholly on screen (unless `dialog: false`), and no axe violation with `axe: true`.
 */
async function atBothWidths(page: Page, name: string, { dialog = true, axe = false } = {}) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (dialog) await expect(page.getByRole("alertdialog")).toBeInViewport({ ratio: 1 });
    if (axe) await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `e2e/artifacts/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("a re-run from the start of a run whose invoice and payment succeeded says so and asks first", async ({
  page,
}) => {
  const { user, workspace, connection } = await signedInWithXero(page, "Rowan");
  const reference = `RERUN-${unique}`;
  const definition = {
    schemaVersion: 1,
    trigger: { type: "manual", config: {}, sample: { body: { customer: `Rerun Co ${unique}`, reference } } },
    steps: [
      {
        key: "invoice",
        action: "xero.createInvoice",
        connectionId: connection.id,
        input: {
          ContactName: "{{trigger.body.customer}}",
          Reference: "{{trigger.body.reference}}",
          Status: "AUTHORISED",
          LineAmountTypes: "NoTax",
          DueDate: "2026-12-31",
          LineItems: [{ Description: "Consulting", Quantity: 1, UnitAmount: 40, AccountCode: "200" }],
        },
      },
      {
        key: "payment",
        action: "xero.createPayment",
        connectionId: connection.id,
        input: { InvoiceID: "{{steps.invoice.InvoiceID}}", AccountCode: "090", Amount: 40, Date: "2026-11-24" },
      },
    ],
  } as unknown as Prisma.InputJsonValue;
  const flow = await prisma.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Order paid → invoice and payment",
      draft: definition,
      webhookToken: `e2e-money-${randomBytes(16).toString("hex")}`,
      createdById: user.id,
    },
  });
  const version = await prisma.flowVersion.create({
    data: { workspaceId: workspace.id, flowId: flow.id, number: 1, definition, createdById: user.id },
  });
  await prisma.flow.update({ where: { id: flow.id }, data: { enabled: true, publishedVersionId: version.id } });
  const organisation = connection.name;

  await test.step("Run now says what a run writes, and the run writes one invoice and one payment", async () => {
    await page.goto(`/flows/${flow.id}`);
    await page.getByRole("button", { name: "Run now" }).click();
    const dialog = page.getByRole("dialog", { name: "Run now" });
    await expect(dialog).toContainText(`Running creates an invoice and a payment in ${organisation}.`);
    await dialog.getByRole("button", { name: "Start run" }).click();
    await expect(dialog.getByRole("status")).toContainText(
      `Running again creates another invoice and payment in ${organisation}.`,
    );
    await dialog.getByRole("link", { name: "Open the run" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded", { timeout: 45_000 });
    expect(await invoicesWithReference(connection.externalId, reference)).toHaveLength(1);
  });
  const runUrl = page.url();
  const runId = runUrl.split("/").at(-1) ?? "";

  /** Re-runs of the run in our database, and invoices with the reference and their payments in Xero. */
  const expectWritten = async (expected: { replays: number; invoicesAndPayments: number }) => {
    expect(await prisma.run.count({ where: { workspaceId: workspace.id, replayOfId: runId } })).toBe(expected.replays);
    const invoices = await invoicesWithReference(connection.externalId, reference);
    expect(invoices).toHaveLength(expected.invoicesAndPayments);
    const payments = await paymentsOf(
      connection.externalId,
      invoices.map((invoice) => invoice.InvoiceID),
    );
    expect(payments).toHaveLength(expected.invoicesAndPayments);
  };
  const menuItem = page.getByRole("menuitem", { name: /From the start/ });
  const confirm = page.getByRole("alertdialog", { name: "Re-run from the start?" });

  await test.step("the menu and the confirmation name what would be written again, and where", async () => {
    // By keyboard: Enter opens the menu on its first item (there is nothing left to resume).
    await expect(async () => {
      await page.getByRole("button", { name: "Re-run" }).focus();
      await page.keyboard.press("Enter");
      await expect(menuItem).toBeFocused({ timeout: 2_000 });
    }).toPass();
    await expect(page.getByRole("menuitem", { name: /did not succeed/ })).toHaveCount(0);
    await expect(menuItem).toContainText(`It creates another invoice and payment in ${organisation}.`);
    await page.keyboard.press("Enter");

    await expect(confirm).toContainText(
      `This creates another invoice and payment in ${organisation}: the steps that already succeeded run again.`,
    );
    // It opens on Cancel: Enter never agrees by accident.
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoAxeViolations(page);
    await atBothWidths(page, "rerun-confirm");
  });

  await test.step("cancelling writes nothing", async () => {
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await expect(page).toHaveURL(runUrl);
    await expectWritten({ replays: 0, invoicesAndPayments: 1 });
  });

  await test.step("confirming re-runs once: exactly one more invoice and payment", async () => {
    await page.getByRole("button", { name: "Re-run" }).click();
    await menuItem.click();
    await confirm.getByRole("button", { name: "Cancel" }).press("Tab");
    await expect(confirm.getByRole("button", { name: "Re-run from the start" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).not.toHaveURL(runUrl);
    await expect(page.getByText(`Replay of ${runId}`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded", { timeout: 45_000 });

    await expectWritten({ replays: 1, invoicesAndPayments: 2 });
  });
});

test("a second Test of a create-invoice step names the invoice the first one created and asks first", async ({
  page,
}) => {
  const { user, workspace, connection } = await signedInWithXero(page, "Tess");
  const reference = `TEST-${unique}`;
  const flow = await prisma.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Invoice from a test",
      draft: {
        schemaVersion: 1,
        trigger: { type: "manual", config: {}, sample: { body: { customer: `Tested Co ${unique}` } } },
        steps: [
          {
            key: "invoice",
            action: "xero.createInvoice",
            connectionId: connection.id,
            input: {
              ContactName: "{{trigger.body.customer}}",
              Reference: reference,
              LineItems: [{ Description: "Consulting", Quantity: 1, UnitAmount: 75, AccountCode: "200" }],
            },
          },
        ],
      },
      webhookToken: `e2e-money-${randomBytes(16).toString("hex")}`,
      createdById: user.id,
    },
  });
  const organisation = connection.name;
  const panel = page.getByRole("dialog", { name: /Create sales invoice/ });
  const testButton = panel.getByRole("button", { name: `Test creates a real invoice in ${organisation}` });
  const confirm = page.getByRole("alertdialog", { name: "Create another invoice?" });

  await test.step("the Test button says what a test writes and where before the first click", async () => {
    await page.goto(`/flows/${flow.id}`);
    await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
    await testButton.click();
    await expect(panel.getByText("The test succeeded")).toBeVisible();
    expect(await invoicesWithReference(connection.externalId, reference)).toHaveLength(1);
  });
  const [first] = await invoicesWithReference(connection.externalId, reference);

  await test.step("testing again asks, naming the invoice already created; cancelling writes nothing", async () => {
    await testButton.focus();
    await page.keyboard.press("Enter");
    await expect(confirm).toContainText(
      `You already created ${first?.InvoiceNumber} by testing this step; testing it again creates another invoice in ${organisation}.`,
    );
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoAxeViolations(page);
    await atBothWidths(page, "test-again-confirm");
    await page.keyboard.press("Enter"); // on Cancel
    await expect(confirm).toHaveCount(0);
    expect(await invoicesWithReference(connection.externalId, reference)).toHaveLength(1);
  });

  await test.step("confirming tests once more: exactly one more invoice", async () => {
    await testButton.click();
    await confirm.getByRole("button", { name: "Test again" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(panel.getByText("The test succeeded")).toBeVisible();
    const invoices = await invoicesWithReference(connection.externalId, reference);
    expect(invoices).toHaveLength(2);
    expect(invoices.map((invoice) => invoice.InvoiceID)).toContain(first?.InvoiceID);
  });
});

interface WireDocument {
  InvoiceID: string;
  InvoiceNumber: string;
  Status: string;
}

async function invoiceInXero(tenantId: string, invoiceId: string) {
  const { Invoices } = await xeroGet<{ Invoices: WireDocument[] }>(tenantId, `/Invoices/${invoiceId}`);
  return Invoices[0];
}

test("a test writes a draft, the editor lists what tests created and cleans it up, and a changed step says which test is out of date", async ({
  page,
}) => {
  const { user, workspace, connection } = await signedInWithXero(page, "Dana");
  const organisation = connection.name;
  const customer = `Drafted Co ${unique}`;
  const flow = await prisma.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Invoice and payment, tested",
      draft: {
        schemaVersion: 2,
        trigger: { type: "manual", config: {}, sample: { body: { customer } } },
        steps: [
          {
            key: "invoice",
            action: "xero.createInvoice",
            connectionId: connection.id,
            input: {
              ContactName: "{{trigger.body.customer}}",
              Reference: `DRAFT-${unique}`,
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
            input: {
              InvoiceID: "{{steps.invoice.InvoiceID}}",
              AccountCode: "090",
              Amount: 100,
              Date: "2026-11-24",
            },
          },
        ],
      } satisfies Prisma.InputJsonValue,
      webhookToken: `e2e-money-${randomBytes(16).toString("hex")}`,
      createdById: user.id,
    },
  });
  const invoicePanel = page.getByRole("dialog", { name: /Create sales invoice/ });
  const paymentPanel = page.getByRole("dialog", { name: /Record payment/ });
  const records = page.getByRole("list", { name: "Records your tests created" });
  const cleanUp = page.getByRole("button", { name: "Clean up", exact: true });
  const confirm = page.getByRole("alertdialog", { name: /^Clean up \d test records?\?/ });
  let draftId = "";

  await test.step("before the first test, the button says it creates a real draft, and where", async () => {
    await page.goto(`/flows/${flow.id}`);
    await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
    await expect(
      invoicePanel.getByRole("button", { name: `Test creates a real draft invoice in ${organisation}` }),
    ).toBeVisible();
    await expect(invoicePanel.getByRole("checkbox", { name: /^Test with the step's own status/ })).not.toBeChecked();
    await atBothWidths(page, "test-records-button", { dialog: false, axe: true });
  });

  await test.step("the test creates a draft in Xero, says so, and the list shows it", async () => {
    await invoicePanel.getByRole("button", { name: `Test creates a real draft invoice in ${organisation}` }).click();
    const result = invoicePanel.getByRole("region", { name: "Test result" });
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("Tested as a draft; runs use Approved (awaiting payment).");
    const sample = await prisma.stepSample.findFirstOrThrow({ where: { flowId: flow.id, stepKey: "invoice" } });
    const tested = sample.output as unknown as WireDocument;
    draftId = tested.InvoiceID;
    expect((await invoiceInXero(connection.externalId, draftId))?.Status).toBe("DRAFT");
    await page.keyboard.press("Escape");
    await expect(records.getByRole("listitem")).toHaveCount(1);
    await expect(records).toContainText(`Invoice ${tested.InvoiceNumber} (draft) · ${customer}`);
    await expect(records).toContainText("Not cleaned up");
  });

  await test.step("Clean up says what it deletes, and deletes the draft in Xero", async () => {
    await cleanUp.click();
    await expect(confirm).toContainText(`in ${organisation}`);
    await expect(confirm).toContainText("A draft invoice is deleted");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await atBothWidths(page, "test-records-clean-up-confirm", { axe: true });
    await confirm.getByRole("button", { name: "Clean up" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(records.getByRole("listitem").first()).toContainText("Deleted");
    expect((await invoiceInXero(connection.externalId, draftId))?.Status).toBe("DELETED");
    await expect(cleanUp).toBeDisabled();
  });

  await test.step("with the step's own status, the invoice is approved and the payment step can be tested", async () => {
    await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
    await invoicePanel.getByRole("checkbox", { name: /^Test with the step's own status/ }).check();
    await invoicePanel.getByRole("button", { name: `Test creates a real invoice in ${organisation}` }).click();
    await page
      .getByRole("alertdialog", { name: "Create another invoice?" })
      .getByRole("button", { name: "Test again" })
      .click();
    const result = invoicePanel.getByRole("region", { name: "Test result" });
    await expect(result).toContainText("AUTHORISED");
    await expect(result).not.toContainText("Tested as a draft");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Open Step 2: Record payment" }).click();
    await paymentPanel.getByRole("button", { name: `Test creates a real payment in ${organisation}` }).click();
    await expect(paymentPanel.getByRole("region", { name: "Test result" })).toContainText("The test succeeded");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Open Step 2: Record payment" })).toContainText("Tested");
  });

  await test.step("a changed field marks the invoice's test out of date, and the payment says to test the invoice first", async () => {
    await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
    await invoicePanel.getByRole("textbox", { name: "Reference", exact: true }).fill(`CHANGED-${unique}`);
    await expect(invoicePanel).toContainText("Test again: the fields changed since this test");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Open Step 1: Create sales invoice" })).toContainText(
      "Test out of date",
    );
    await expect(page.getByRole("button", { name: "Open Step 2: Record payment" })).toContainText("Test out of date");
    await page.getByRole("button", { name: "Open Step 2: Record payment" }).click();
    await expect(paymentPanel).toContainText("Test “Create sales invoice” again first: it changed after this test");
    await atBothWidths(page, "test-records-stale", { dialog: false, axe: true });
    await page.keyboard.press("Escape");
  });

  await test.step("clean-up deletes the payment, then voids the approved invoice", async () => {
    const approved = (
      (await prisma.stepSample.findFirstOrThrow({ where: { flowId: flow.id, stepKey: "invoice" } }))
        .output as unknown as WireDocument
    ).InvoiceID;
    await cleanUp.click();
    await expect(confirm).toContainText("The payment is deleted");
    await confirm.getByRole("button", { name: "Clean up" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(records.getByRole("listitem").nth(0)).toContainText("Deleted");
    await expect(records.getByRole("listitem").nth(1)).toContainText("Voided");
    expect((await invoiceInXero(connection.externalId, approved))?.Status).toBe("VOIDED");
    await atBothWidths(page, "test-records-cleaned", { dialog: false, axe: true });
  });
});
