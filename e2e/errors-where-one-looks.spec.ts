import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { hash } from "@node-rs/argon2";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { password, screenshots, seedFlow, seedSandboxConnection } from "./support/journey-helpers";
import { test } from "./support/test";

// Errors where one looks: Xero's validation error of a Test sits under the field of the line it
// concerns; the failed run names that field and line and opens the editor on it. Disconnecting a
// connection names the flows that use it; afterwards the flows list and the editor warn, and a run
// that fails for it points to the Connections page.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const unique = randomBytes(5).toString("hex");
const ACCOUNT_MESSAGE = "Account code '999' is not a valid code for this document.";

test.afterAll(async () => {
  await prisma.$disconnect();
});

/** axe (serious and critical alike fail) and a screenshot, at 1440 px and at 390 px. */
async function checkAtBothWidths(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoAxeViolations(page);
  }
  await screenshots(page, name, { desktop: 1440 });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The editor's "Run now", then the run's page once it failed: answers its create_invoice step card. */
async function runNowUntilFailed(page: Page) {
  await page.getByRole("button", { name: "Run now" }).click();
  const dialog = page.getByRole("dialog", { name: "Run now" });
  await dialog.getByRole("button", { name: "Start run" }).click();
  await dialog.getByRole("link", { name: "Open the run" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Failed", { timeout: 45_000 });
  return page.getByRole("region", { name: /^Step 1: create_invoice/ });
}

async function signIn(page: Page, email: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible({ timeout: 30_000 });
}

test("Xero's validation errors sit on their field and line; a disconnected connection is named wherever it matters", async ({
  page,
}) => {
  const email = `errors-${unique}@example.com`;
  const { user, workspace } = await createUserWithWorkspace({ email, name: "Eli", passwordHash: await hash(password) });
  const connection = await seedSandboxConnection(workspace.id, user.id);
  const definition = {
    schemaVersion: 2,
    trigger: { type: "manual", config: {}, sample: { body: { customer: `Line Two Co ${unique}` } } },
    steps: [
      {
        key: "create_invoice",
        action: "xero.createInvoice",
        connectionId: connection.id,
        input: {
          ContactName: "{{trigger.body.customer}}",
          Status: "DRAFT",
          LineItems: [
            { Description: "Consulting", Quantity: 1, UnitAmount: 75, AccountCode: "200" },
            { Description: "Travel", Quantity: 1, UnitAmount: 20, AccountCode: "999" },
          ],
        },
      },
    ],
  };
  const owner = { workspaceId: workspace.id, userId: user.id };
  const flow = await seedFlow(owner, "Order → invoice", definition, { switchedOn: true });
  // A second flow using the connection only in its draft: Disconnect names it too.
  const drafted = await seedFlow(owner, "Bills (draft)", definition);
  await signIn(page, email);

  const panel = page.getByRole("dialog", { name: /Create sales invoice/ });
  const lineTwoAccount = panel.locator('[data-field="LineItems[1].AccountCode"]');

  await test.step("a failed Test puts Xero's message under the account field of line 2, and names it in the result", async () => {
    await page.goto(`/flows/${flow.id}`);
    await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
    await panel.getByRole("button", { name: /^Test\b/ }).click();
    const result = panel.getByRole("region", { name: "Test result" });
    await expect(result).toContainText("The test failed", { timeout: 30_000 });
    await expect(result).toContainText(`Line items, line 2 · Account: ${ACCOUNT_MESSAGE}`);
    await expect(lineTwoAccount.getByRole("alert")).toHaveText(ACCOUNT_MESSAGE);
    await expect(panel.locator('[data-field="LineItems[0].AccountCode"]').getByRole("alert")).toHaveCount(0);
    await expect(panel.getByRole("group", { name: "Line items" }).getByRole("alert").first()).toContainText(
      `Line 2: ${ACCOUNT_MESSAGE}`,
    );
    await lineTwoAccount.scrollIntoViewIfNeeded();
    await checkAtBothWidths(page, "errors-test-on-field");
    await page.keyboard.press("Escape");
  });

  await test.step("the failed run names the field and line, and 'Fix it in the editor' opens that step at it", async () => {
    const step = await runNowUntilFailed(page);
    await expect(step).toContainText(`Line items, line 2 · Account: ${ACCOUNT_MESSAGE}`);
    await checkAtBothWidths(page, "errors-run-names-field");

    await step.getByRole("link", { name: "Fix it in the editor" }).click();
    await expect(page).toHaveURL(/\/flows\/[\w-]+\?step=create_invoice&field=LineItems%5B1%5D\.AccountCode$/);
    await expect(panel).toBeVisible();
    await expect(lineTwoAccount.locator(":focus")).toHaveCount(1);
    await page.keyboard.press("Escape");
  });

  const row = page.getByRole("list", { name: "Connections" }).getByRole("listitem", { name: connection.name });

  await test.step("the disconnect dialog names the flows that use the connection, with links", async () => {
    await page.goto("/connections");
    await row.getByRole("button", { name: "Disconnect" }).click();
    const dialog = page.getByRole("dialog", { name: `Disconnect ${connection.name}?` });
    const listed = dialog.getByRole("list", { name: "Flows that use this connection" });
    await expect(listed.getByRole("link", { name: "Order → invoice" })).toHaveAttribute("href", `/flows/${flow.id}`);
    await expect(listed.getByRole("listitem").filter({ hasText: "Order → invoice" })).toContainText("switched on");
    await expect(listed.getByRole("link", { name: "Bills (draft)" })).toHaveAttribute("href", `/flows/${drafted.id}`);
    await expect(listed.getByRole("listitem").filter({ hasText: "Bills (draft)" })).toContainText("in its draft only");
    await checkAtBothWidths(page, "errors-disconnect-dialog");
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  });

  const warning = "Xero connection disconnected — reconnect or choose another";

  await test.step("afterwards the flows list warns on each flow, and the page tells the owner which", async () => {
    await page.goto("/");
    const flows = page.getByRole("list", { name: "Flows" });
    await expect(flows.getByRole("listitem").filter({ hasText: "Order → invoice" })).toContainText(warning);
    await expect(flows.getByRole("listitem").filter({ hasText: "Bills (draft)" })).toContainText(warning);
    const notice = page.getByRole("region", { name: /2 flows use a connection that no longer works/ });
    await expect(notice.getByRole("link", { name: "Order → invoice" })).toBeVisible();
    await expect(notice.getByRole("link", { name: /reconnect it on the Connections page/ })).toHaveAttribute(
      "href",
      "/connections",
    );
    await checkAtBothWidths(page, "errors-flows-warn");
  });

  await test.step("the editor warns at the top and on the step that uses it", async () => {
    await page.goto(`/flows/${flow.id}`);
    await expect(page.getByRole("note").filter({ hasText: warning })).toContainText(connection.name);
    await expect(page.getByRole("listitem", { name: "Step 1: Create sales invoice" })).toContainText(warning);
    await checkAtBothWidths(page, "errors-editor-warns");
  });

  await test.step("a run that fails for the lost connection links to the Connections page", async () => {
    const step = await runNowUntilFailed(page);
    await expect(step).toContainText("This Xero connection was disconnected.");
    await expect(step.getByRole("link", { name: "Go to Connections to reconnect" })).toHaveAttribute(
      "href",
      "/connections",
    );
    await checkAtBothWidths(page, "errors-run-connection-lost");
  });
});
