import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Locator, type Page } from "@playwright/test";
import { countInput, reportInput } from "./support/count-input";
import {
  addStep,
  connectSandboxXero,
  postJson,
  screenshots,
  signUp,
  testStep,
  xeroGet,
} from "./support/journey-helpers";
import { test } from "./support/test";

// The journey of issue #7, end to end through the real web app, worker and Xero sandbox: sign up,
// connect Xero on the sandbox's consent page, build "Order paid → invoice" on a webhook whose
// sample is a real request, test every step, switch it on, send a real webhook, and find the run in
// the history and the paid invoice in Xero. On the way: switching on too early lists the problem
// and stays off, and a payment Xero refuses shows Xero's message on the Amount field. Every click
// and keystroke the script makes for the person is counted and reported at the end.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = randomBytes(5).toString("hex");
const flowName = "Order paid → invoice";

// The test event captured while building, and the real order sent once the flow is on.
const sampleOrder = {
  orderId: `A-${unique}`,
  customer: `Ada Lovelace ${unique}`,
  email: `ada-${unique}@example.com`,
  paidOn: "2026-11-20",
  lines: [
    { name: "Analytical engine", qty: 2, price: 50 },
    { name: "Punched cards", qty: 1, price: 30 },
  ],
};
const realOrder = {
  orderId: `G-${unique}`,
  customer: `Grace Hopper ${unique}`,
  email: `grace-${unique}@example.com`,
  paidOn: "2026-11-23",
  lines: [
    { name: "Compiler licence", qty: 3, price: 120 },
    { name: "Moth in a logbook", qty: 1, price: 7.5 },
  ],
};

/** The data picker next to a field: opens it and picks the reference whose label matches. */
async function insertData(page: Page, panel: Locator, field: string, reference: RegExp) {
  await panel.getByRole("button", { name: `Insert data into ${field}`, exact: true }).click();
  await page.getByRole("option", { name: reference }).first().click();
}

/** One of our comboboxes (Radix popover + cmdk list); options may be loaded live from Xero. */
async function choose(page: Page, combobox: Locator, option: RegExp) {
  await combobox.click();
  await page.getByRole("option", { name: option }).first().click();
}

let input: ReturnType<typeof countInput> | undefined;
// A failed journey must not leave Playwright's methods counting for the specs after it.
test.afterEach(() => input?.stop());

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("the journey: webhook → contact, invoice, payment → switched on → a real order is invoiced and paid in Xero", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  input = countInput(page);
  const email = `journey-${unique}@example.com`;
  await signUp(page, "Jo Journey", email);

  await test.step("connect the sandbox Xero through its consent page", async () => {
    await connectSandboxXero(page, `xero-${unique}@sandbox.test`);
    await screenshots(page, "journey-connections");
  });

  // Connected, the Connections page offers the next step itself.
  await page.getByRole("button", { name: "Create your first flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/, { timeout: 20_000 });
  const flowId = page.url().split("/").at(-1) ?? "";
  await page.getByLabel("Flow name").fill(flowName);
  await page.getByLabel("Flow name").press("Enter");

  let webhookUrl = "";
  await test.step("webhook trigger: a real request captured as the sample", async () => {
    await page.getByRole("button", { name: "Trigger: Webhook" }).click();
    const trigger = page.getByRole("dialog", { name: "Trigger" });
    webhookUrl = await trigger.getByRole("textbox", { name: "Webhook URL" }).inputValue();
    expect(webhookUrl).toMatch(/\/api\/hooks\/[\w-]{43}$/);
    await trigger.getByRole("button", { name: "Listen for a test event" }).click();
    await expect(trigger.getByRole("status").filter({ hasText: "Listening for a request…" })).toBeVisible();
    // The flow is still off: the request is recorded as a skipped run, and kept as the sample.
    expect((await postJson(webhookUrl, sampleOrder)).status).toBe(202);
    const sample = trigger.getByRole("textbox", { name: "Sample request body (JSON)" });
    await expect(sample).toHaveValue(new RegExp(sampleOrder.customer));
    expect(JSON.parse(await sample.inputValue())).toEqual(sampleOrder);
    await screenshots(page, "journey-trigger-captured");
    await page.keyboard.press("Escape");
  });

  await test.step("step 1: find or create the customer, mapped from the trigger, tested", async () => {
    const panel = await addStep(page, "find or create", "Find or create contact");
    await insertData(page, panel, "Contact name", /^body › customer/);
    await expect(panel.getByRole("group", { name: "Contact name" })).toContainText("Customer from the trigger");
    // Typing a reference works as well as picking it.
    await panel.getByRole("textbox", { name: "Email", exact: true }).fill("{{trigger.body.email}}");
    const result = await testStep(panel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("ContactID");
    await expect(result).toContainText(sampleOrder.customer);
    await result.scrollIntoViewIfNeeded();
    await screenshots(page, "journey-step-contact", { phone: false });
    await page.keyboard.press("Escape");
  });

  await test.step("step 2: an approved invoice with one line per ordered item, tested", async () => {
    const panel = await addStep(page, "invoice", "Create sales invoice");
    await insertData(page, panel, "Customer", /^ContactID/);
    await choose(page, panel.getByRole("combobox", { name: /^Status/ }), /^Approved \(awaiting payment\)/);
    await panel.getByRole("textbox", { name: /^Due date/ }).fill("{{trigger.body.paidOn}}");
    await panel.getByRole("textbox", { name: "Reference", exact: true }).fill("Order {{trigger.body.orderId}}");
    await panel.getByRole("tab", { name: "One per item of a list" }).click();
    await choose(page, panel.getByRole("combobox", { name: /^List to go through/ }), /trigger\.body\.lines/);
    await insertData(page, panel, "Description", /^name/);
    await panel.getByRole("textbox", { name: "Quantity", exact: true }).fill("{{line.qty}}");
    await panel.getByRole("textbox", { name: "Unit price", exact: true }).fill("{{line.price}}");
    // The revenue accounts come live from the connected organisation.
    await choose(page, panel.getByRole("combobox", { name: "Account", exact: true }), /^200 · Sales/);
    await expect(panel.getByRole("group", { name: "Description" })).toContainText("Name from each line");
    // A test makes a draft unless asked otherwise; the payment step needs the approved invoice.
    await panel.getByRole("checkbox", { name: /^Test with the step's own status/ }).check();
    const result = await testStep(panel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("InvoiceID");
    await expect(result).toContainText(`Order ${sampleOrder.orderId}`);
    await expect(result).toContainText("AUTHORISED");
    await result.scrollIntoViewIfNeeded();
    await screenshots(page, "journey-step-invoice");
    await page.keyboard.press("Escape");
  });

  const paymentPanel = page.getByRole("dialog", { name: /Record payment/ });
  await test.step("step 3: the payment, with the amount still unmapped", async () => {
    const panel = await addStep(page, "payment", "Record payment");
    await insertData(page, panel, "Xero invoice ID", /^InvoiceID/);
    await expect(panel.getByRole("group", { name: "Xero invoice ID" })).toContainText(
      "Invoice ID from step 2 Create sales invoice",
    );
    // Bank accounts (and accounts that take payments) come live from Xero.
    await choose(page, panel.getByRole("combobox", { name: /^Paid into/ }), /BANK/);
    await panel.getByRole("textbox", { name: /^Payment date/ }).fill("{{trigger.body.paidOn}}");
    await page.keyboard.press("Escape");
  });

  const enabledSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
  await test.step("switching on with an unmapped required field lists it and stays off", async () => {
    await enabledSwitch.click();
    const refusal = page.getByRole("alert").filter({ hasText: "The flow stays off until these are fixed" });
    await expect(refusal).toContainText("Amount is required");
    await expect(enabledSwitch).not.toBeChecked();
    expect(await prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { enabled: true } })).toEqual({
      enabled: false,
    });
    await screenshots(page, "journey-switch-refused", { phone: false });
  });

  await test.step("a payment Xero refuses shows Xero's message on the Amount field", async () => {
    await page.getByRole("button", { name: "Open Step 3: Record payment" }).click();
    const amount = paymentPanel.getByRole("textbox", { name: /^Amount/ });
    await amount.fill("99999");
    const result = await testStep(paymentPanel);
    await expect(result).toContainText("The test failed");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/Payment amount exceeds the amount outstanding/);
    await screenshots(page, "journey-step-payment-refused", { phone: false });
  });

  await test.step("mapped from the invoice's amount due, the payment test succeeds", async () => {
    await paymentPanel.getByRole("textbox", { name: /^Amount/ }).fill("");
    await insertData(page, paymentPanel, "Amount", /^AmountDue/);
    const result = await testStep(paymentPanel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("PaymentID");
    await expect(paymentPanel.getByRole("textbox", { name: /^Amount/ })).not.toHaveAttribute("aria-invalid");
    await result.scrollIntoViewIfNeeded();
    await screenshots(page, "journey-step-payment", { phone: false });
    await page.keyboard.press("Escape");
  });

  await test.step("switch on", async () => {
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Run now" })).toBeVisible();
    await screenshots(page, "journey-editor-on");
  });

  let runId = "";
  await test.step("a real order arrives; the run succeeds in the history", async () => {
    const answer = await postJson(webhookUrl, realOrder);
    expect(answer.status).toBe(202);
    runId = answer.body.runId ?? "";
    await page.goto("/runs");
    const newest = page.getByRole("table", { name: "Runs, newest first" }).locator("tbody tr").first();
    await expect(newest).toContainText(flowName);
    // The history refreshes itself while the run is queued or running.
    await expect(newest).toContainText("Succeeded", { timeout: 45_000 });
    await expect(newest).toContainText("Webhook");
    await screenshots(page, "journey-runs");
    // The row is named by the title chosen from the sample: the order id and the customer.
    await newest.getByRole("link", { name: `${realOrder.orderId} · ${realOrder.customer}` }).click();
    await expect(page).toHaveURL(`/runs/${runId}`);
  });

  await test.step("the run detail shows every step's output", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    const contact = page.getByRole("region", { name: "Step 1: find_or_create_contact" });
    await expect(contact).toContainText("Succeeded");
    await expect(contact).toContainText(realOrder.customer);
    const invoice = page.getByRole("region", { name: "Step 2: create_invoice" });
    await expect(invoice).toContainText(`Order ${realOrder.orderId}`);
    // Nested lists are collapsed in the viewer; the subtotal shows both mapped lines were sent.
    await expect(invoice).toContainText('"SubTotal": 367.5');
    const payment = page.getByRole("region", { name: "Step 3: create_payment" });
    await expect(payment).toContainText("PaymentID");
    await screenshots(page, "journey-run-detail");
  });

  await test.step("the home lists the flow switched on", async () => {
    await page.goto("/");
    const row = page.getByRole("list", { name: "Flows" }).getByRole("listitem").filter({ hasText: flowName });
    await expect(row.getByRole("switch", { name: `Switch ${flowName} on/off` })).toBeChecked();
    await expect(row).toContainText("Webhook");
    await screenshots(page, "journey-flows");
  });

  await test.step("Xero holds the invoice with the mapped lines, PAID", async () => {
    const connection = await prisma.connection.findFirstOrThrow({
      where: { workspace: { memberships: { some: { user: { email } } } } },
      select: { externalId: true },
    });
    const where = encodeURIComponent(`Reference=="Order ${realOrder.orderId}"`);
    const { Invoices } = await xeroGet<{ Invoices: XeroInvoice[] }>(connection.externalId, `/Invoices?where=${where}`);
    expect(Invoices).toHaveLength(1);
    const [invoice] = Invoices;
    expect(invoice).toMatchObject({ Type: "ACCREC", Status: "PAID", AmountDue: 0 });
    expect(invoice?.Contact.Name).toBe(realOrder.customer);
    expect(
      invoice?.LineItems.map(({ Description, Quantity, UnitAmount, AccountCode }) => ({
        Description,
        Quantity,
        UnitAmount,
        AccountCode,
      })),
    ).toEqual(
      realOrder.lines.map((line) => ({
        Description: line.name,
        Quantity: line.qty,
        UnitAmount: line.price,
        AccountCode: "200",
      })),
    );
  });

  reportInput("journey", input.stop());
});

interface XeroInvoice {
  Type: string;
  Status: string;
  AmountDue: number;
  Contact: { Name: string };
  LineItems: { Description: string; Quantity: number; UnitAmount: number; AccountCode: string }[];
}
