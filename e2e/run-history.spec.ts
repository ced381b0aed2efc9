import { randomBytes } from "node:crypto";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  addStep,
  newFlow,
  postJson,
  screenshots,
  signUp,
  waitUntilSaved,
  webhookTrigger,
} from "./support/journey-helpers";
import { test } from "./support/test";

// History that tells runs apart (#16): a run title set in the editor with a preview on the sample,
// webhooks whose rows are named by it, found by the title and by a payload value, steps named by
// what they do with their key beside, and a run received while the flow was off in one coherent
// "Skipped" state — badge, banner and version agreeing.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 20_000 });

const unique = randomBytes(4).toString("hex");
const sample = { order_id: "1000", customer: { name: "Sample Co", email: "sample@example.test" }, total: 10 };
const acme = { order_id: "1042", customer: { name: "Acme Ltd", email: `ops-${unique}@acme.test` }, total: 120.5 };
const bravo = {
  order_id: "1043",
  customer: { name: "Bravo & Sons", email: "b@bravo.test" },
  total: 75,
  note: `gift wrap ${unique}`,
};
const acmeTitle = "Order 1042 · Acme Ltd · 120.5";
const bravoTitle = "Order 1043 · Bravo & Sons · 75";

const table = (page: Page) => page.getByRole("table", { name: "Runs, newest first" });
const rows = (page: Page) => table(page).locator("tbody tr");

/** Axe at both widths the issue names, on the page as it is. */
async function accessibleAtBothWidths(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Types into the history's "Find runs" box and applies it with Enter. */
async function findRuns(page: Page, text: string) {
  const box = page.getByRole("searchbox", { name: "Find runs" });
  await box.fill(text);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
}

test("runs are named by their title, found by title or payload text, and a run received while off is Skipped throughout", async ({
  page,
}) => {
  const flowName = `Shop orders ${unique}`;
  await signUp(page, "Hana History", `history-${unique}@example.com`);
  const flowId = await newFlow(page, flowName);
  const webhookUrl = await webhookTrigger(page, sample);

  await test.step("the editor offers a run title, previewed on the sample", async () => {
    const field = page.getByRole("textbox", { name: "Name each run in the history" });
    // Unset, the history names runs by the id, name and amount chosen from the sample.
    await expect(page.getByText("Empty: named from the sample, e.g. 1000 · Sample Co · 10")).toBeVisible();
    await field.fill("Order {{trigger.body.order_id}} · {{trigger.body.customer.name}} · {{trigger.body.total}}");
    await expect(page.getByText("On the sample: Order 1000 · Sample Co · 10")).toBeVisible();
    await waitUntilSaved(page);
    await accessibleAtBothWidths(page);
    await screenshots(page, "run-history-editor-title");
  });

  await test.step("a step, then switch on", async () => {
    const formatter = await addStep(page, "letter case", "Change letter case");
    await formatter.getByRole("textbox", { name: "Text", exact: true }).fill("{{trigger.body.customer.name}}");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
    const enabledSwitch = page.getByRole("switch", { name: new RegExp(flowName) });
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    await expect(page.getByRole("button", { name: "Run now" })).toBeVisible();
  });

  const sent = await Promise.all([postJson(webhookUrl, acme), postJson(webhookUrl, bravo)]);
  expect(sent.map((answer) => answer.status)).toEqual([202, 202]);
  const [acmeRun, bravoRun] = sent.map((answer) => answer.body.runId ?? "");

  await test.step("the history names each run by its title, the flow under it", async () => {
    await page.goto("/runs");
    const row = (title: string) => rows(page).filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(row(acmeTitle)).toContainText("Succeeded", { timeout: 45_000 });
    await expect(row(bravoTitle)).toContainText("Succeeded", { timeout: 45_000 });
    await expect(row(acmeTitle)).toContainText(flowName);
    await accessibleAtBothWidths(page);
    await screenshots(page, "run-history-titles");
  });

  await test.step("Find runs finds a run by its title and by text only its payload holds", async () => {
    await findRuns(page, "order 1043");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first().getByRole("link", { name: bravoTitle })).toHaveAttribute(
      "href",
      `/runs/${bravoRun}`,
    );

    await findRuns(page, `gift wrap ${unique}`);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(bravoTitle);

    await findRuns(page, `OPS-${unique}@ACME`);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(acmeTitle);
    await screenshots(page, "run-history-find");

    await findRuns(page, `nothing-${unique}`);
    await expect(page.getByText(`No run's id, title or data contains "nothing-${unique}"`)).toBeVisible();
    await accessibleAtBothWidths(page);
    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(rows(page)).toHaveCount(2);
  });

  await test.step("the run page names steps by what they do, with their key", async () => {
    await page.goto(`/runs/${acmeRun}`);
    const step = page.getByRole("region", { name: "Step 1: change_case, Change letter case" });
    await expect(step.getByRole("heading", { level: 3 })).toHaveText("Step 1: change_case, Change letter case");
    await expect(step).toContainText("change_case");
    await expect(step).toContainText("Acme Ltd");
    await expect(page.getByRole("region", { name: "Succeeded: the run finished without an error." })).toBeVisible();
    await expect(page.getByText("v1", { exact: true })).toBeVisible();
    await accessibleAtBothWidths(page);
    await screenshots(page, "run-history-run");
  });

  let skippedRun = "";
  await test.step("switched off, a webhook is recorded as Skipped", async () => {
    await page.goto(`/flows/${flowId}`);
    const enabledSwitch = page.getByRole("switch", { name: new RegExp(flowName) });
    await expect(enabledSwitch).toBeChecked();
    await enabledSwitch.click();
    await expect(enabledSwitch).not.toBeChecked();
    // The switch moves at once; "Run now" goes once the server has switched the flow off.
    await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);
    const answer = await postJson(webhookUrl, { ...acme, order_id: "1044" });
    expect(answer.status).toBe(202);
    skippedRun = answer.body.runId ?? "";
  });

  await test.step("the skipped run says Skipped in badge, banner and version, never 'failed'", async () => {
    await page.goto(`/runs/${skippedRun}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Skipped");
    const banner = page.getByRole("region", { name: "Skipped: the flow was off when this arrived, so nothing ran." });
    await expect(banner).toContainText("Re-run it to run it now with version 1.");
    await expect(page.getByText("None ran (v1 was published then)")).toBeVisible();
    await expect(page.getByText("Never", { exact: true })).toBeVisible();
    await expect(page.locator("main").getByText(/failed/i)).toHaveCount(0);
    await expect(page.getByText("None (not published)")).toHaveCount(0);
    await accessibleAtBothWidths(page);
    await screenshots(page, "run-history-skipped");

    await page.goto("/runs");
    const row = rows(page).filter({ has: page.locator(`a[href="/runs/${skippedRun}"]`) });
    await expect(row).toContainText("Order 1044 · Acme Ltd · 120.5");
    await expect(row).toContainText("Skipped");
  });
});
