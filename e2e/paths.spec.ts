import { randomInt } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  addStep,
  choose,
  condition,
  connectSandboxXero,
  newFlow,
  postJson,
  screenshots,
  signUp,
  testStep,
  waitUntilSaved,
  webhookTrigger,
} from "./support/journey-helpers";
import { test } from "./support/test";

// Paths (#15) end to end, as a bookkeeper builds them in the editor: orders from a webhook, "Only
// continue if total > 100", the customer's name in Title Case, then Paths — "Card payments" (method
// is card) finds or creates the contact in Xero, "Bank transfers" (method is transfer) creates or
// updates it. Paths are added, renamed, given conditions with the Filter's builder, one more path and
// the path for when none match are added and removed again; each branch's Xero step is tested; a
// step is moved within its path. Switched on, a card order and a transfer each take their own path:
// their run pages say which path was taken and show the path's steps indented under it.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

/** A path's panel: its name, then "Only take this path if…" with the value picked from the data. */
async function setUpPath(page: Page, panel: Locator, name: string, method: string) {
  await panel.getByRole("textbox", { name: /^Path name/ }).fill(name);
  await expect(panel.getByRole("heading", { name, exact: true })).toBeVisible();
  const first = condition(panel, 1, 1);
  await first.insertData.click();
  // The data picker offers what has run when the paths decide: the trigger and the steps above them.
  await expect(page.getByRole("group", { name: /Change letter case/ })).toBeVisible();
  await page.getByRole("option", { name: /^body › method/ }).click();
  await expect(first.mapped).toContainText("Method from the trigger");
  await first.operator.click();
  await page.getByRole("option", { name: "is", exact: true }).click();
  await panel.getByRole("textbox", { name: "Condition 1 of group 1: text to compare with", exact: true }).fill(method);
  await waitUntilSaved(page);
}

/** The paths' own "Add a step", named after the path. */
const addStepTo = (page: Page, path: string, search: string, title: string) =>
  addStep(page, search, title, `Add a step to ${path}`);

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("Paths: card payments and bank transfers each take their own path to Xero", async ({ page }) => {
  // Its own account, flow and customers each time, so the test can be repeated (--repeat-each).
  const unique = String(randomInt(100_000, 999_999));
  const sample = { customer: `ada lovelace ${unique}`, total: "1,200.50", method: "card", reference: `S-${unique}` };
  const cardOrder = { customer: `grace hopper ${unique}`, total: "2,500.00", method: "card", reference: `C-${unique}` };
  const transferOrder = { customer: `alan turing ${unique}`, total: 300, method: "transfer", reference: `T-${unique}` };
  const flowName = `Orders by payment ${unique}`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Pat Paths", `paths-${unique}@example.com`);
  await connectSandboxXero(page, `xero-paths-${unique}@sandbox.test`);

  await newFlow(page, flowName);
  const webhookUrl = await test.step("webhook trigger with an order as its sample", () => webhookTrigger(page, sample));

  await test.step("Filter: total > 100; Formatter: the customer in Title Case, tested", async () => {
    const filter = await addStep(page, "only continue", "Only continue if");
    const first = condition(filter, 1, 1);
    await first.value.fill("{{trigger.body.total}}");
    await first.operator.click();
    await page.getByRole("combobox", { name: "Search the choices" }).fill("greater");
    await page.getByRole("option", { name: /^is greater than\s*>$/ }).click();
    await filter
      .getByRole("textbox", { name: "Condition 1 of group 1: number to compare with", exact: true })
      .fill("100");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");

    const formatter = await addStep(page, "letter case", "Change letter case");
    await formatter.getByRole("textbox", { name: "Text", exact: true }).fill("{{trigger.body.customer}}");
    await waitUntilSaved(page);
    await expect(await testStep(formatter)).toContainText(`Ada Lovelace ${unique}`);
    await page.keyboard.press("Escape");
  });

  const paths = page.getByRole("region", { name: /^Step 3: Paths/ });
  await test.step("Add paths: Path A and Path B, nothing after them on the main line", async () => {
    await page.getByRole("button", { name: "Add paths", exact: true }).click();
    await expect(paths).toContainText("Split into 2 paths");
    const branches = paths.getByRole("list", { name: "Paths of step 3" }).locator(":scope > li");
    await expect(branches).toHaveCount(2);
    await expect(paths.getByRole("heading", { name: "Path A", exact: true })).toBeVisible();
    await expect(paths.getByRole("heading", { name: "Path B", exact: true })).toBeVisible();
    // The focus is on the first path's conditions, the next thing to do.
    await expect(page.getByRole("button", { name: "Edit conditions: Path A" })).toBeFocused();
    // A Paths step ends its line: steps go before it, and there are no paths after paths.
    await expect(page.getByRole("button", { name: "Add a step", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add paths", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add a step before the paths", exact: true })).toBeVisible();
    await expect(page.getByRole("radio", { name: /^Run every path whose conditions hold/ })).toBeChecked();
    // What is missing is listed, and on its path.
    const problems = page.getByRole("region", { name: "Before switching on" });
    await expect(problems).toContainText('Path "Path A": add the conditions that choose it');
    await expect(paths.getByRole("list", { name: "To fix on Path B" })).toContainText('Path "Path B" has no steps yet');
    await waitUntilSaved(page);
  });

  await test.step("Path A: renamed Card payments, method is card", async () => {
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Path A" })).toBeVisible();
    // Named by the path, the panel changes its name as the path is renamed.
    const panel = page.getByRole("dialog");
    await setUpPath(page, panel, "Card payments", "card");
    await page.keyboard.press("Escape");
    await expect(paths.getByRole("heading", { name: "Card payments", exact: true })).toBeVisible();
    await expect(paths).toContainText("Only when method is card");
  });

  await test.step("Path B, opened from its problems: Bank transfers, method is transfer", async () => {
    const problem = (text: string) =>
      page
        .getByRole("region", { name: "Before switching on" })
        .getByRole("listitem")
        .filter({ hasText: text })
        .getByRole("button", { name: "Step 3 (Paths)" });
    // No steps yet: the path's own "Add a step"; no conditions yet: the path's panel.
    await problem('Path "Path B" has no steps yet').click();
    await expect(page.getByRole("button", { name: "Add a step to Path B", exact: true })).toBeFocused();
    await problem('Path "Path B": add the conditions that choose it').click();
    await expect(page.getByRole("dialog", { name: "Path B" })).toBeVisible();
    const panel = page.getByRole("dialog");
    await expect(panel.getByRole("alert")).toContainText("add the conditions that choose it");
    await setUpPath(page, panel, "Bank transfers", "transfer");
    await page.keyboard.press("Escape");
    await expect(paths).toContainText("Only when method is transfer");
  });

  await test.step("one more path and the path for when none match, added and removed", async () => {
    await paths.getByRole("button", { name: "Add a path (step 3)" }).click();
    await expect(page.getByRole("button", { name: "Edit conditions: Path C" })).toBeFocused();
    await expect(paths).toContainText("Split into 3 paths");
    await paths.getByRole("button", { name: "Remove the path Path C" }).click();
    await expect(paths.getByRole("heading", { name: "Path C" })).toHaveCount(0);
    await expect(paths.getByRole("button", { name: "Add a path (step 3)" })).toBeFocused();

    await paths.getByRole("button", { name: "Add a path for when none match (step 3)" }).click();
    await expect(page.getByRole("button", { name: "Add a step to When no other path matches" })).toBeFocused();
    await expect(paths.getByRole("list", { name: "To fix on When no other path matches" })).toContainText(
      "has no steps yet",
    );
    await paths.getByRole("button", { name: "Remove the path When no other path matches" }).click();
    await expect(paths).toContainText("Split into 2 paths");
    await waitUntilSaved(page);
  });

  await test.step("Card payments: find or create the contact named by the formatter, tested", async () => {
    const panel = await addStepTo(page, "Card payments", "find or create", "Find or create contact");
    await expect(panel.getByRole("heading", { name: /^4\. Find or create contact/ })).toBeVisible();
    await panel.getByRole("textbox", { name: /^Contact name/ }).fill("{{steps.change_case.value}}");
    await waitUntilSaved(page);
    const result = await testStep(panel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText(`Ada Lovelace ${unique}`);
    await page.keyboard.press("Escape");
  });

  await test.step("Bank transfers: create or update the contact, tested", async () => {
    const panel = await addStepTo(page, "Bank transfers", "create or update", "Create or update contact");
    await panel.getByRole("textbox", { name: /^Contact name/ }).fill("{{steps.change_case.value}}");
    await panel.getByRole("textbox", { name: "Email", exact: true }).fill("transfers@example.com");
    await waitUntilSaved(page);
    const result = await testStep(panel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("transfers@example.com");
    await page.keyboard.press("Escape");
  });

  await test.step("a second step on Card payments, moved up within its path; numbers follow", async () => {
    const panel = await addStepTo(page, "Card payments", "letter case", "Change letter case");
    await panel.getByRole("textbox", { name: "Text", exact: true }).fill("{{trigger.body.reference}}");
    await choose(page, "Change to", "UPPER CASE");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
    const card = paths.getByRole("list", { name: "Steps of Card payments" }).getByRole("listitem");
    await expect(card.nth(0)).toHaveAccessibleName("Step 4: Find or create contact");
    await expect(card.nth(1)).toHaveAccessibleName("Step 5: Change letter case");
    await expect(paths.getByRole("button", { name: "Move Step 5: Change letter case down" })).toBeDisabled();
    await paths.getByRole("button", { name: "Move Step 5: Change letter case up" }).click();
    await expect(card.nth(0)).toHaveAccessibleName("Step 4: Change letter case");
    await expect(card.nth(1)).toHaveAccessibleName("Step 5: Find or create contact");
    const transfers = paths.getByRole("list", { name: "Steps of Bank transfers" }).getByRole("listitem");
    await expect(transfers).toHaveCount(1);
    await expect(transfers.first()).toHaveAccessibleName("Step 6: Create or update contact");
    await waitUntilSaved(page);
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
  });

  await test.step("accessible and without sideways scrolling at 1440 and 390 px", async () => {
    await expectNoAxeViolations(page);
    await screenshots(page, "paths-editor", { desktop: 1440 });
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Edit conditions: Card payments" }).click();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await page.screenshot({ path: "e2e/artifacts/paths-conditions-phone.png", fullPage: true });
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  const enabledSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
  await test.step("switch on", async () => {
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
    // The switch moves at once; "Run now" comes once the server has published the flow and armed its trigger.
    await expect(page.getByRole("button", { name: "Run now" })).toBeVisible();
  });

  const card = await postJson(webhookUrl, cardOrder);
  const transfer = await postJson(webhookUrl, transferOrder);
  expect([card.status, transfer.status]).toEqual([202, 202]);
  const cardRun = card.body.runId ?? "";
  const transferRun = transfer.body.runId ?? "";

  await test.step("both runs succeed", async () => {
    await page.goto("/runs");
    const table = page.getByRole("table", { name: "Runs, newest first" });
    const row = (runId: string) => table.locator("tbody tr").filter({ has: page.locator(`a[href="/runs/${runId}"]`) });
    await expect(row(cardRun)).toContainText("Succeeded", { timeout: 45_000 });
    await expect(row(transferRun)).toContainText("Succeeded", { timeout: 45_000 });
  });

  await test.step("the card order took Card payments: its steps sit indented under the paths", async () => {
    await page.goto(`/runs/${cardRun}`);
    const decision = page.getByRole("region", { name: "Step 3: paths" });
    await expect(decision).toContainText("Took: Card payments");
    await expect(decision).toContainText('method ("card") is "card"');
    await expect(decision).toContainText("Not taken: Bank transfers");
    const upper = page.getByRole("region", { name: "Step 4: change_case_2" });
    await expect(upper).toContainText("Path: Card payments");
    await expect(upper).toContainText(`C-${unique}`);
    const contact = page.getByRole("region", { name: "Step 5: find_or_create_contact" });
    await expect(contact).toContainText("Path: Card payments");
    await expect(contact).toContainText(`Grace Hopper ${unique}`);
    await expect(page.getByRole("region", { name: "Step 6: upsert_contact" })).toHaveCount(0);
    await screenshots(page, "paths-run-card");
  });

  await test.step("the transfer took Bank transfers", async () => {
    await page.goto(`/runs/${transferRun}`);
    const decision = page.getByRole("region", { name: "Step 3: paths" });
    await expect(decision).toContainText("Took: Bank transfers");
    await expect(decision).toContainText("Not taken: Card payments");
    const contact = page.getByRole("region", { name: "Step 6: upsert_contact" });
    await expect(contact).toContainText("Path: Bank transfers");
    await expect(contact).toContainText(`Alan Turing ${unique}`);
    await expect(page.getByRole("region", { name: "Step 5: find_or_create_contact" })).toHaveCount(0);
    await screenshots(page, "paths-run-transfer");
  });
});
