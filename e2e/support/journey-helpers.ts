import { randomBytes } from "node:crypto";
import { type Prisma, prisma } from "@ledgerflow/db";
import { encryptTokenPair } from "@ledgerflow/vault";
import { expect, type Locator, type Page } from "@playwright/test";

// What the browser specs share (the journey, "Run now", the editor, money safety): signing up through
// the form, connecting the sandbox Xero through its consent page (or seeding a connection directly),
// screenshots at both widths, and reading the sandbox back over its own HTTP API (as a test would
// read real Xero), never through our modules.

export const password = "correct horse battery staple";

const sandboxUrl = () => {
  const url = process.env.LEDGERFLOW_TEST_SANDBOX_URL;
  if (!url) throw new Error("LEDGERFLOW_TEST_SANDBOX_URL is not set: run through scripts/test.mjs");
  return url;
};

/**
 * Full-page screenshots at desktop and phone width, kept in e2e/artifacts. `phone: false` for the
 * intermediate states of one screen (each width costs a relayout and a capture).
 */
export async function screenshots(page: Page, name: string, { phone = true, desktop = 1280 } = {}) {
  const widths = [["desktop", desktop, 800] as const, ...(phone ? [["phone", 390, 844] as const] : [])];
  for (const [label, width, height] of widths) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/artifacts/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

export async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  const accountMenu = page.getByRole("button", { name: "Account menu" }).first();
  // Typed before React has hydrated the form, the values are lost and the click submits nothing
  // (the fields are required): then they are typed again. A sign-up on its way is waited for.
  await expect(async () => {
    if (await accountMenu.isVisible()) return;
    if ((await page.getByLabel("Email").inputValue({ timeout: 2_000 })) === "") {
      await page.getByLabel("Your name").fill(name);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
    }
    await expect(accountMenu).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
}

/** POSTs JSON to a URL (a flow's webhook), answering its status and the body it sent back. */
export async function postJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { runId?: string } };
}

/** "New flow" from the flows home, named: answers its id. */
export async function newFlow(page: Page, name: string) {
  await page.getByRole("link", { name: "Flows" }).first().click();
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/, { timeout: 20_000 });
  await page.getByLabel("Flow name").fill(name);
  await page.getByLabel("Flow name").press("Enter");
  return page.url().split("/").at(-1) ?? "";
}

/** The editor's webhook trigger, with `sample` typed in as its sample body: answers its URL. */
export async function webhookTrigger(page: Page, sample: unknown) {
  await page.getByRole("button", { name: "Trigger: Webhook" }).click();
  const trigger = page.getByRole("dialog", { name: "Trigger" });
  const url = await trigger.getByRole("textbox", { name: "Webhook URL" }).inputValue();
  await trigger.getByLabel("Sample request body (JSON)").fill(JSON.stringify(sample, null, 2));
  await waitUntilSaved(page);
  await page.keyboard.press("Escape");
  return url;
}

/** The editor's autosave has caught up with what was typed. */
export async function waitUntilSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
}

/**
 * "Add a step" (or another list's, e.g. "Add a step to Card payments"), searched and picked from the
 * catalog: answers the step's panel, open.
 */
export async function addStep(page: Page, search: string, title: string, button = "Add a step") {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("combobox", { name: "Search actions", exact: true }).fill(search);
  await page.getByRole("option", { name: new RegExp(title) }).click();
  const panel = page.getByRole("dialog", { name: new RegExp(title) });
  await expect(panel).toBeVisible({ timeout: 20_000 });
  return panel;
}

/** The controls of one condition of a condition builder (a Filter's, a path's), by the names screen readers hear. */
export function condition(panel: Locator, number: number, group: number) {
  const place = `Condition ${number} of group ${group}`;
  return {
    value: panel.getByRole("textbox", { name: `${place}: value to check`, exact: true }),
    /** The value to check as its text and pills ("Total from the trigger, sample 1250"). */
    mapped: panel.getByRole("group", { name: `${place}: value to check`, exact: true }),
    name: panel.getByRole("textbox", { name: `${place}: named in run history`, exact: true }),
    insertData: panel.getByRole("button", { name: `Insert data into ${place}: value to check`, exact: true }),
    operator: panel.getByRole("combobox", { name: `${place}: how to compare`, exact: true }),
    remove: panel.getByRole("button", { name: `Remove ${place.toLowerCase()}`, exact: true }),
  };
}

/**
 * The step panel's Test button — "Test step", or for a step that writes what it writes ("Test
 * creates a real draft invoice in …") — waited out: answers the region with its result.
 */
export async function testStep(panel: Locator) {
  const button = panel.getByRole("button", { name: /^Test\b/ });
  await button.click();
  const result = panel.getByRole("region", { name: "Test result" });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  return result;
}

/** Connections → "+ Add a Xero connection" → the sandbox's consent page → one organisation allowed. */
export async function connectSandboxXero(page: Page, xeroEmail: string) {
  await page.goto("/connections");
  await page.getByRole("button", { name: "+ Add a Xero connection" }).first().click();
  await expect(page.getByText("Xero sandbox")).toBeVisible();
  await page.getByLabel("Email address").fill(xeroEmail);
  const organisations = page.getByRole("group", { name: "Organisations to connect" }).getByRole("checkbox");
  const total = await organisations.count();
  for (let index = 0; index < total; index++) await organisations.nth(index).setChecked(index === 0);
  await page.getByRole("button", { name: "Allow access" }).click();
  await expect(page).toHaveURL(/\/connections\?connected=1$/);
  await expect(page.getByRole("list", { name: "Connections" }).getByText("Active", { exact: true })).toBeVisible();
}

/**
 * Picks an option of one of our Radix selects by the select's label. Retried as a whole: a click
 * that lands before React has hydrated the page opens nothing.
 */
export async function choose(page: Page, label: string, option: string) {
  await expect(async () => {
    await page.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option }).click({ timeout: 2_000 });
  }).toPass();
}

/** The sandbox's test-only admin API (XERO_SANDBOX_ADMIN_SECRET, as scripts/test.mjs sets it). */
export async function sandboxAdmin<T>(
  path: string,
  body?: unknown,
  method: "GET" | "POST" | "PUT" = "POST",
): Promise<T> {
  const response = await fetch(`${sandboxUrl()}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      "x-sandbox-admin-secret": process.env.XERO_SANDBOX_ADMIN_SECRET ?? "",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A call to the sandbox's Accounting API with a freshly minted token for the organisation. */
async function xeroCall<T>(tenantId: string, path: string, method: "GET" | "PUT", body?: unknown): Promise<T> {
  const { access_token } = await sandboxAdmin<{ access_token: string }>("/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  });
  const response = await fetch(`${sandboxUrl()}/api.xro/2.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${access_token}`,
      "xero-tenant-id": tenantId,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** GET from the sandbox's Accounting API, as a test would read real Xero. */
export const xeroGet = <T>(tenantId: string, path: string) => xeroCall<T>(tenantId, path, "GET");

/** PUT to the sandbox's Accounting API: what a bookkeeper does in Xero (create an invoice, pay it). */
export const xeroPut = <T>(tenantId: string, path: string, body: unknown) => xeroCall<T>(tenantId, path, "PUT", body);

export interface SandboxToken {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

/** A token set for every sandbox organisation, and the organisations it reaches (GET /connections). */
export async function mintSandboxTokens() {
  const token = await sandboxAdmin<SandboxToken>("/sandbox/admin/tokens", {});
  const response = await fetch(`${sandboxUrl()}/connections`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  const tenants = (await response.json()) as { tenantId: string; tenantName: string }[];
  return { token, tenants };
}

/**
 * The workspace's connection to the sandbox's first organisation (Demo Company (NZ)), with tokens
 * the sandbox minted, as a completed consent leaves it.
 */
export async function seedSandboxConnection(workspaceId: string, userId: string) {
  const { token, tenants } = await mintSandboxTokens();
  const tenant = tenants[0];
  if (!tenant) throw new Error("The sandbox has no organisation");
  return prisma.connection.create({
    data: {
      workspaceId,
      provider: "xero",
      externalId: tenant.tenantId,
      name: tenant.tenantName,
      ...encryptTokenPair({ accessToken: token.access_token, refreshToken: token.refresh_token }),
      expiresAt: new Date(Date.now() + token.expires_in * 1000),
      scopes: token.scope.split(" "),
      createdById: userId,
    },
  });
}

/**
 * A flow of the workspace with `definition` as its draft and, when `switchedOn`, as its published
 * version 1 with the flow switched on, as the editor would leave it.
 */
export async function seedFlow(
  owner: { workspaceId: string; userId: string },
  name: string,
  definition: object,
  { switchedOn = false } = {},
) {
  const json = definition as Prisma.InputJsonValue;
  const { workspaceId, userId } = owner;
  const flow = await prisma.flow.create({
    data: {
      workspaceId,
      name,
      draft: json,
      webhookToken: `e2e-${randomBytes(16).toString("hex")}`,
      createdById: userId,
    },
  });
  if (!switchedOn) return flow;
  const version = await prisma.flowVersion.create({
    data: { workspaceId, flowId: flow.id, number: 1, definition: json, createdById: userId },
  });
  return prisma.flow.update({ where: { id: flow.id }, data: { enabled: true, publishedVersionId: version.id } });
}

export interface PaidInvoice {
  invoice: { InvoiceID: string; InvoiceNumber: string; Total: number };
  payment: { PaymentID: string; Amount: number };
}

/**
 * An approved sales invoice for `customer`, then paid in full, through the sandbox's Accounting API
 * as a person would in Xero: what "Invoice paid" and "New payment" wait for.
 */
export async function payInvoiceInXero(
  tenantId: string,
  customer: string,
  { amount, description }: { amount: number; description: string },
): Promise<PaidInvoice> {
  const { Invoices } = await xeroPut<{ Invoices: PaidInvoice["invoice"][] }>(tenantId, "/Invoices", {
    Invoices: [
      {
        Type: "ACCREC",
        Contact: { Name: customer },
        Status: "AUTHORISED",
        DueDate: "2026-12-31",
        LineAmountTypes: "NoTax",
        LineItems: [{ Description: description, Quantity: 1, UnitAmount: amount, AccountCode: "200" }],
      },
    ],
  });
  const invoice = Invoices[0];
  if (!invoice) throw new Error("The sandbox created no invoice");
  const { Payments } = await xeroPut<{ Payments: PaidInvoice["payment"][] }>(tenantId, "/Payments", {
    Payments: [
      {
        Invoice: { InvoiceID: invoice.InvoiceID },
        Account: { Code: "090" },
        Amount: invoice.Total,
        Date: "2026-12-02",
      },
    ],
  });
  const payment = Payments[0];
  if (!payment) throw new Error("The sandbox recorded no payment");
  return { invoice, payment };
}
