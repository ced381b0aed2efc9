import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { connectSandboxXero, payInvoiceInXero, sandboxAdmin, screenshots, signUp } from "./support/journey-helpers";
import { test } from "./support/test";

// Issue #14's browser journey, through the real web app, worker and Xero sandbox: a bookkeeper
// picks "Invoice paid" among Xero's app events, loads a recent paid invoice of the connected
// organisation as the sample, maps its contact into a step, switches the flow on, and an invoice
// paid in Xero (the sandbox's Accounting API, as a person would in Xero) shows up in the history.
// The sandbox sends its signed webhooks to this app for the length of the file.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const unique = randomBytes(5).toString("hex");
const flowName = `Paid invoices ${unique}`;
const seededCustomer = `Seeded Customer ${unique}`;
const paidCustomer = `Paying Customer ${unique}`;
const BOOKKEEPING = { amount: 240, description: "Bookkeeping, November" };

interface Subscription {
  url: string | null;
  keyConfigured: boolean;
}

/** Every state is checked at both widths the app promises. */
const shots = (page: Page, name: string, options: { phone?: boolean } = {}) =>
  screenshots(page, `xero-triggers-${name}`, { desktop: 1440, ...options });

let previousSubscription: Subscription | null = null;

test.beforeAll(async () => {
  previousSubscription = await sandboxAdmin<Subscription>("/sandbox/admin/webhooks", undefined, "GET");
  // The sandbox signs with the key the web app checks (scripts/test.mjs gives both the same one).
  await sandboxAdmin(
    "/sandbox/admin/webhooks",
    {
      // The path the browser tests' app answers Xero at (scripts/test.mjs sets one of its own).
      url: new URL(
        process.env.XERO_WEBHOOK_PATH ?? "/api/xero/webhooks",
        process.env.LEDGERFLOW_TEST_WEB_URL,
      ).toString(),
      key: process.env.XERO_WEBHOOK_KEY,
    },
    "PUT",
  );
});

test.afterAll(async () => {
  await sandboxAdmin(
    "/sandbox/admin/webhooks",
    {
      url: previousSubscription?.url ?? null,
      key: previousSubscription?.keyConfigured ? (process.env.XERO_SANDBOX_WEBHOOK_KEY ?? null) : null,
    },
    "PUT",
  );
  await prisma.$disconnect();
});

test("Invoice paid: pick the app event, load a recent record, map it, switch on, and an invoice paid in Xero runs the flow", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const email = `xero-triggers-${unique}@example.com`;
  await signUp(page, "Tui Trigger", email);
  await connectSandboxXero(page, `xero-triggers-${unique}@sandbox.test`);
  const { externalId: tenantId } = await prisma.connection.findFirstOrThrow({
    where: { workspace: { memberships: { some: { user: { email } } } } },
    select: { externalId: true },
  });
  // The organisation's most recent paid invoice, before the flow exists: what "Load a recent record" finds.
  const { invoice: seeded } = await payInvoiceInXero(tenantId, seededCustomer, BOOKKEEPING);

  await page.getByRole("link", { name: "Flows" }).first().click();
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await page.getByLabel("Flow name").fill(flowName);
  await page.getByLabel("Flow name").press("Enter");
  const trigger = page.getByRole("dialog", { name: "Trigger" });

  await test.step("switching on with no app event chosen points at the trigger", async () => {
    await page.getByRole("button", { name: "Trigger: Webhook" }).click();
    await trigger.getByText("App event", { exact: true }).click();
    await expect(trigger.getByRole("combobox", { name: /^App event/ })).toHaveText(/Choose what happens/);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Trigger: App event" })).toBeVisible();
    await page.getByRole("switch", { name: `Switch ${flowName} on/off` }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The flow stays off until these are fixed" });
    await expect(refusal).toContainText("Trigger: Choose the app event that starts this flow.");
    await refusal.getByRole("button", { name: "Trigger" }).click();
    const picker = trigger.getByRole("combobox", { name: /^App event/ });
    await expect(picker).toHaveAttribute("aria-invalid", "true");
    await expect(picker).toHaveAccessibleDescription(/Choose the app event that starts this flow/);
    await expectNoAxeViolations(page);
    await shots(page, "refused");
  });

  await test.step("choose Invoice paid with the keyboard, among Xero's events by group", async () => {
    const picker = trigger.getByRole("combobox", { name: /^App event/ });
    await picker.focus();
    await page.keyboard.press("Enter");
    const options = page.getByRole("option");
    await expect(page.getByRole("group", { name: "Sales invoices" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Bills" })).toBeVisible();
    await expect(options.filter({ hasText: "New contact" })).toContainText("customer or supplier is added");
    await expectNoAxeViolations(page);
    await shots(page, "picker", { phone: false });
    await page.keyboard.type("paid");
    await expect(options.first()).toContainText("Invoice paid");
    await page.keyboard.press("Enter");
    await expect(picker).toHaveText("Invoice paid");
    await expect(trigger).toContainText("Runs once when a sales invoice becomes fully paid");
    // The only connected organisation is chosen for the trigger at once.
    await expect(trigger.getByRole("combobox", { name: /^Xero organisation/ })).toHaveText("Demo Company (NZ)");
    await expect(trigger.getByRole("region", { name: "Sample record" })).toContainText("Example data");
  });

  await test.step("load a recent record: the seeded paid invoice becomes the sample", async () => {
    const sample = trigger.getByRole("region", { name: "Sample record" });
    await sample.getByRole("button", { name: "Load a recent record" }).click();
    await expect(sample).toContainText(seeded.InvoiceNumber);
    await expect(sample).toContainText("A real record from Demo Company (NZ)");
    await expectNoAxeViolations(page);
    await shots(page, "sample-loaded");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Trigger: Xero · Invoice paid" })).toContainText(
      "In Demo Company (NZ)",
    );
  });

  await test.step("map the record's contact into a Find contact step", async () => {
    await page.getByRole("button", { name: "Add a step" }).click();
    await page.getByRole("combobox", { name: "Search actions", exact: true }).fill("find contact");
    await page.getByRole("option", { name: /^Find contact/ }).click();
    const panel = page.getByRole("dialog", { name: /Find contact/ });
    await panel.getByRole("button", { name: "Insert data into Contact name", exact: true }).click();
    // The data picker offers the loaded record's own fields, with the values it had.
    const option = page.getByRole("option", { name: /^record › Contact › Name/ }).first();
    await expect(option).toContainText(seededCustomer);
    await option.click();
    await expect(panel.getByRole("group", { name: "Contact name" })).toContainText(
      `Name from the trigger, sample ${seededCustomer}`,
    );
    await page.keyboard.press("Escape");
  });

  await test.step("switch on", async () => {
    const enabledSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    // The switch moves before the server answers; the toast says the flow was published and armed.
    await expect(page.getByText(`“${flowName}” is on`)).toBeVisible();
    await expect(enabledSwitch).not.toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
    await shots(page, "editor-on");
  });

  const paid = await test.step("an invoice paid in Xero runs the flow", async () => {
    const { invoice } = await payInvoiceInXero(tenantId, paidCustomer, BOOKKEEPING);
    await page.goto("/runs");
    const row = page
      .getByRole("table", { name: "Runs, newest first" })
      .locator("tbody tr")
      .filter({ hasText: invoice.InvoiceNumber });
    // An empty history does not refresh itself (only queued or running runs make it): look again
    // until Xero's webhook has reached the app and the worker has made the run.
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText(`${flowName} · Xero · Invoice paid`, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(row).toContainText("Succeeded", { timeout: 45_000 });
    await expectNoAxeViolations(page);
    await shots(page, "runs");
    await row.getByRole("link", { name: invoice.InvoiceNumber }).click();
    return invoice;
  });

  await test.step("the run page shows the event and the record, and the step that used it", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    await expect(page.getByText("Xero · Invoice paid", { exact: true })).toBeVisible();
    const record = page.getByRole("region", { name: "Record" });
    await expect(record).toContainText(paid.InvoiceNumber);
    await expect(record).toContainText(paidCustomer);
    await expect(page.getByRole("region", { name: "Event" })).toContainText("INVOICE");
    await expect(page.getByRole("region", { name: "Step 1: find_contact" })).toContainText(paidCustomer);
    await expectNoAxeViolations(page);
    await shots(page, "run-detail");
  });

  await test.step("the flow list names the trigger", async () => {
    await page.goto("/");
    const row = page.getByRole("list", { name: "Flows" }).getByRole("listitem").filter({ hasText: flowName });
    await expect(row).toContainText("Xero · Invoice paid");
    await expectNoAxeViolations(page);
    await shots(page, "flows");
  });
});
