import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { connectSandboxXero, payInvoiceInXero, screenshots, signUp } from "./support/journey-helpers";
import { test } from "./support/test";

// Issue #14's polling journey, through the real web app, worker and Xero sandbox: a bookkeeper
// picks "New payment" (a trigger Xero's webhooks do not report, so Ledgerflow checks for it),
// checks every minute, loads a recent payment of the connected organisation as the sample, maps
// its contact into a step and switches the flow on; "Checking for changes" then says the flow
// checks, and a payment recorded in Xero (the sandbox's Accounting API) shows up in the history
// after the next scheduled check. Nothing asks the worker to poll: its job scheduler does.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const unique = randomBytes(5).toString("hex");
const flowName = `New payments ${unique}`;
const seededCustomer = `Seeded Payer ${unique}`;
const payingCustomer = `Polled Payer ${unique}`;

/** Every state is checked at both widths the app promises. */
const shots = (page: Page, name: string, options: { phone?: boolean } = {}) =>
  screenshots(page, `xero-polling-${name}`, { desktop: 1440, ...options });

/** The trigger panel at 1440 and 390 px: nothing wider than the screen, the polling section whole. */
async function panelFits(page: Page, name: string) {
  const section = page.getByRole("dialog", { name: "Trigger" }).getByRole("region", { name: "Checking for changes" });
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await expect(section, `${width} px`).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
  }
  await shots(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("New payment: pick the polling trigger, check every minute, load a payment, map it, switch on, and a payment recorded in Xero runs the flow at the next check", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const email = `xero-polling-${unique}@example.com`;
  await signUp(page, "Pita Poller", email);
  await connectSandboxXero(page, `xero-polling-${unique}@sandbox.test`);
  const { externalId: tenantId } = await prisma.connection.findFirstOrThrow({
    where: { workspace: { memberships: { some: { user: { email } } } } },
    select: { externalId: true },
  });
  // The organisation's most recent payment, before the flow exists: what "Load a recent record" finds.
  const seeded = await payInvoiceInXero(tenantId, seededCustomer, { amount: 180, description: "Payroll, November" });

  await page.getByRole("link", { name: "Flows" }).first().click();
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await page.getByLabel("Flow name").fill(flowName);
  await page.getByLabel("Flow name").press("Enter");
  const trigger = page.getByRole("dialog", { name: "Trigger" });
  const polling = trigger.getByRole("region", { name: "Checking for changes" });

  await test.step("choose New payment among Xero's events, in Payments: it checks for changes", async () => {
    await page.getByRole("button", { name: "Trigger: Webhook" }).click();
    await trigger.getByText("App event", { exact: true }).click();
    const picker = trigger.getByRole("combobox", { name: /^App event/ });
    await picker.focus();
    await page.keyboard.press("Enter");
    const payments = page.getByRole("group", { name: "Payments" });
    await expect(payments.getByRole("option", { name: /^New payment/ })).toContainText(
      "recorded against an invoice, a bill or a credit note",
    );
    await page.keyboard.type("new payment");
    await expect(page.getByRole("option").first()).toContainText("New payment");
    await page.keyboard.press("Enter");
    await expect(picker).toHaveText("New payment");
    // The only connected organisation is chosen for the trigger at once, and kept.
    await expect(trigger.getByRole("combobox", { name: /^Xero organisation/ })).toHaveText("Demo Company (NZ)");
    await expect(polling).toContainText("Ledgerflow asks Xero for new changes on a schedule");
    await expect(polling.getByRole("combobox", { name: "Check every" })).toHaveText("5 minutes");
    const recentDays = polling.getByRole("textbox", { name: /^Include records from the last N days at switch-on/ });
    await expect(recentDays).toHaveValue("");
    await expect(recentDays).toHaveAccessibleDescription(/start from the moment the flow is switched on/);
    // Not switched on yet: no last check to tell.
    await expect(polling.getByRole("status")).toHaveCount(0);
  });

  await test.step("Check every: 1 minute, with the keyboard", async () => {
    const every = polling.getByRole("combobox", { name: "Check every" });
    await every.focus();
    await page.keyboard.press("Enter");
    const shortest = page.getByRole("option", { name: "1 minute" });
    await expect(page.getByRole("option")).toHaveText(["1 minute", "5 minutes", "15 minutes", "1 hour"]);
    await page.keyboard.press("Home");
    await expect(shortest).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(every).toHaveText("1 minute");
    await expect(every).toBeFocused();
  });

  await test.step("load a recent record: the seeded payment becomes the sample", async () => {
    const sample = trigger.getByRole("region", { name: "Sample record" });
    await expect(sample).toContainText("Example data");
    await sample.getByRole("button", { name: "Load a recent record" }).click();
    await expect(sample).toContainText(seeded.payment.PaymentID);
    await expect(sample).toContainText("A real record from Demo Company (NZ)");
    await expectNoAxeViolations(page);
    await panelFits(page, "panel");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Trigger: Xero · New payment" })).toContainText(
      "In Demo Company (NZ)",
    );
  });

  await test.step("map the payment's contact into a Find contact step", async () => {
    await page.getByRole("button", { name: "Add a step" }).click();
    await page.getByRole("combobox", { name: "Search actions", exact: true }).fill("find contact");
    await page.getByRole("option", { name: /^Find contact/ }).click();
    const panel = page.getByRole("dialog", { name: /Find contact/ });
    await panel.getByRole("button", { name: "Insert data into Contact name", exact: true }).click();
    // The data picker offers the loaded payment's own fields, with the values it had.
    const option = page.getByRole("option", { name: /^record › Invoice › Contact › Name/ }).first();
    await expect(option).toContainText(seededCustomer);
    await option.click();
    await expect(panel.getByRole("group", { name: "Contact name" })).toContainText(
      `Name from the trigger, sample ${seededCustomer}`,
    );
    await page.keyboard.press("Escape");
  });

  await test.step("switch on; the trigger, reopened, says the flow checks for changes", async () => {
    const enabledSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    // The switch moves before the server answers; the toast says the flow was published and armed.
    await expect(page.getByText(`“${flowName}” is on`)).toBeVisible();
    await expect(enabledSwitch).not.toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
    await page.reload();
    await page.getByRole("button", { name: "Trigger: Xero · New payment" }).click();
    await expect(polling.getByRole("status")).toHaveText(
      /^(Switched on: the first check is on its way\.|Last checked .+\.)$/,
    );
    await expect(polling.getByRole("combobox", { name: "Check every" })).toHaveText("1 minute");
    await expectNoAxeViolations(page);
    await panelFits(page, "panel-on");
    await page.keyboard.press("Escape");
  });

  const polled = await test.step("a payment recorded in Xero runs the flow at the next check", async () => {
    const recorded = await payInvoiceInXero(tenantId, payingCustomer, {
      amount: 420,
      description: "Payroll, November",
    });
    await page.goto("/runs");
    const row = page
      .getByRole("table", { name: "Runs, newest first" })
      .locator("tbody tr")
      .filter({ hasText: recorded.invoice.InvoiceNumber });
    // Checked every minute, at the flow's own offset within the minute: look again until the
    // worker's scheduled check has found the payment and made the run (one interval and a margin).
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText(`${flowName} · Xero · New payment`, { timeout: 2_000 });
    }).toPass({ timeout: 100_000, intervals: [2_000] });
    await expect(row).toContainText("Succeeded", { timeout: 45_000 });
    // Once: the seeded payment, older than the switch-on, started nothing.
    await expect(
      page.getByRole("table", { name: "Runs, newest first" }).locator("tbody tr").filter({ hasText: flowName }),
    ).toHaveCount(1);
    await expectNoAxeViolations(page);
    await shots(page, "runs");
    await row.getByRole("link", { name: recorded.invoice.InvoiceNumber }).click();
    return recorded;
  });

  await test.step("the run page shows the payment, and the step that used it", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    await expect(page.getByText("Xero · New payment", { exact: true })).toBeVisible();
    const record = page.getByRole("region", { name: "Record" });
    await expect(record).toContainText(polled.payment.PaymentID);
    await expect(record).toContainText(polled.invoice.InvoiceNumber);
    await expect(page.getByRole("region", { name: "Event" })).toContainText("PAYMENT");
    await expect(page.getByRole("region", { name: "Step 1: find_contact" })).toContainText(payingCustomer);
    await expectNoAxeViolations(page);
    await shots(page, "run-detail");
  });

  await test.step("after that check, the trigger says when it last checked", async () => {
    await page.goto("/");
    await page.getByRole("list", { name: "Flows" }).getByRole("link", { name: flowName }).click();
    await page.getByRole("button", { name: "Trigger: Xero · New payment" }).click();
    await expect(polling.getByRole("status")).toHaveText(/^Last checked .+\.$/);
  });
});
