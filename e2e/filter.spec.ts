import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  addStep,
  choose,
  condition,
  newFlow,
  postJson,
  screenshots,
  signUp,
  testStep,
  waitUntilSaved,
  webhookTrigger,
} from "./support/journey-helpers";
import { test } from "./support/test";

// The Filter step of #15 end to end, as a shop owner builds it: a webhook of orders, "Only continue
// if…" total > 1000 OR tier is wholesale, built in the condition builder with mouse and keyboard,
// tested on the sample both ways (it passes; with a higher threshold a run would stop there), then
// switched on. A big order goes on to the step after the filter; a small one is stopped — "Stopped
// by filter" in the history, which filters by it, and on its run page what was compared.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 20_000 });

const sample = { total: "1,200.50", tier: "retail" };

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("Only continue if…: built, tested both ways, switched on; a small order is stopped by the filter", async ({
  page,
}) => {
  // Its own account and flow each time, so the test can be repeated (--repeat-each).
  const unique = randomBytes(5).toString("hex");
  const flowName = `Big orders ${unique}`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Fran Filter", `filter-${unique}@example.com`);

  await newFlow(page, flowName);
  const webhookUrl = await test.step("webhook trigger with an order as its sample", () => webhookTrigger(page, sample));

  const panel = page.getByRole("dialog", { name: /Only continue if/ });
  await test.step("add the filter: no organisation to choose, one empty condition to start", async () => {
    await addStep(page, "only continue", "Only continue if");
    await expect(panel.getByRole("combobox", { name: /Xero organisation/ })).toHaveCount(0);
    await expect(panel.getByRole("group", { name: /^Only continue if/ })).toBeVisible();
    await expect(condition(panel, 1, 1).value).toHaveValue("");
    await expect(condition(panel, 2, 1).value).toHaveCount(0);
  });

  const first = condition(panel, 1, 1);
  const right = (number: number, group: number, kind: string) =>
    panel.getByRole("textbox", { name: `Condition ${number} of group ${group}: ${kind}`, exact: true });
  await test.step("total > 1000: the value picked from the data, the operator chosen, the number typed", async () => {
    await first.insertData.click();
    await page.getByRole("option", { name: /^body › total/ }).click();
    await expect(first.mapped).toContainText("Total from the trigger");
    await expect(first.name).toHaveValue("total");
    // The operator list is grouped by type and searchable; the right side follows what it compares with.
    await first.operator.click();
    await page.getByRole("combobox", { name: "Search the choices" }).fill("greater");
    await expect(page.getByRole("group", { name: "Number" })).toBeVisible();
    await page.getByRole("option", { name: /^is greater than\s*>$/ }).click();
    await expect(first.operator).toHaveText(/is greater than/);
    // Picked, the list closes and the focus is back on the operator; Tab reaches the number to compare with.
    await expect(first.operator).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(right(1, 1, "number to compare with")).toBeFocused();
    await page.keyboard.type("1000");
    await expect(right(1, 1, "number to compare with")).toHaveValue("1000");
  });

  await test.step("+ And adds a condition and focuses it; removing it leaves the group as it was", async () => {
    await panel.getByRole("button", { name: "And: add a condition to group 1" }).press("Enter");
    const second = condition(panel, 2, 1);
    await expect(second.value).toBeFocused();
    await page.keyboard.type("{{trigger.body.tier}}");
    await expect(second.name).toHaveValue("tier");
    await second.operator.click();
    await page.getByRole("option", { name: "is empty", exact: true }).click();
    // "is empty" compares with nothing, so there is nothing to type.
    await expect(
      panel.getByRole("textbox", { name: /^Condition 2 of group 1: (text|value) to compare with/ }),
    ).toHaveCount(0);
    await second.remove.click();
    await expect(second.value).toHaveCount(0);
    await expect(first.value).toBeFocused();
  });

  await test.step("+ Or adds a group: tier is wholesale, typed by keyboard", async () => {
    await panel.getByRole("button", { name: "Or: add a group of conditions" }).click();
    await expect(panel.getByRole("separator", { name: "or" })).toBeVisible();
    const wholesale = condition(panel, 1, 2);
    await expect(wholesale.value).toBeFocused();
    await page.keyboard.type("{{trigger.body.tier}}");
    await wholesale.operator.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: "Search the choices" })).toBeFocused();
    await page.keyboard.type("is one of");
    await page.keyboard.press("Enter");
    await expect(wholesale.operator).toHaveText(/is one of/);
    // "Is one of" takes several values: each one a chip, added with Enter.
    const oneOf = panel.getByRole("textbox", { name: "Condition 1 of group 2: add a value it may be", exact: true });
    await oneOf.fill("wholesale");
    await oneOf.press("Enter");
    await oneOf.fill("trade");
    await oneOf.press("Enter");
    const chosen = panel.getByRole("list", { name: "Condition 1 of group 2: chosen values" });
    await expect(chosen.getByRole("listitem")).toHaveText(["wholesale", "trade"]);
    await panel.getByRole("button", { name: "Remove trade from condition 1 of group 2" }).click();
    await expect(chosen.getByRole("listitem")).toHaveText(["wholesale"]);
    // Back to one value: "is", keeping "wholesale".
    await wholesale.operator.click();
    await page.getByRole("option", { name: "is", exact: true }).click();
    await expect(right(1, 2, "text to compare with")).toHaveValue("wholesale");
    await waitUntilSaved(page);
  });

  await test.step("Test: the sample's 1,200.50 is over 1000, so the run would go on", async () => {
    const result = await testStep(panel);
    await expect(result).toContainText("The test succeeded");
    await expect(result).toContainText("read as 1200.5) > 1000");
    await expect(result).not.toContainText("A run would stop here");
    await result.scrollIntoViewIfNeeded();
    await screenshots(page, "filter-passes", { phone: false, desktop: 1440 });
  });

  await test.step("a higher threshold: Test says a run would stop here, and why", async () => {
    await right(1, 1, "number to compare with").fill("5000");
    await waitUntilSaved(page);
    const result = await testStep(panel);
    await expect(result).toContainText(
      'A run would stop here: Stopped by filter: no group held (group 1: total ("1,200.50" read as 1200.5) ≤ 5000; group 2: tier ("retail") is not "wholesale")',
    );
    await screenshots(page, "filter-stops", { phone: false, desktop: 1440 });
  });

  await test.step("accessible, and readable at 390 px: a condition's parts stack", async () => {
    await expectNoAxeViolations(page, '[role="dialog"]');
    await page.setViewportSize({ width: 390, height: 844 });
    await first.value.scrollIntoViewIfNeeded();
    const value = await first.value.boundingBox();
    const operator = await first.operator.boundingBox();
    expect(operator && value && operator.y).toBeGreaterThan((value?.y ?? 0) + (value?.height ?? 0));
    const builder = panel.getByRole("group", { name: /^Only continue if/ });
    expect(await builder.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.screenshot({ path: "e2e/artifacts/filter-builder-phone.png", fullPage: true });
    await expectNoAxeViolations(page, '[role="dialog"]');
    await page.setViewportSize({ width: 1440, height: 900 });
    await right(1, 1, "number to compare with").fill("1000");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
  });

  await test.step("a step after the filter: the tier in Title Case", async () => {
    const formatter = await addStep(page, "letter case", "Change letter case");
    await formatter.getByRole("textbox", { name: "Text", exact: true }).fill("{{trigger.body.tier}}");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
  });

  const enabledSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
  await test.step("switch on", async () => {
    await enabledSwitch.click();
    await expect(enabledSwitch).toBeChecked();
    await expect(page.getByRole("region", { name: "Before switching on" })).toHaveCount(0);
    // The switch moves at once; "Run now" comes once the server has published the flow and armed its trigger.
    await expect(page.getByRole("button", { name: "Run now" })).toBeVisible();
  });

  const big = await postJson(webhookUrl, { total: "2,500.00", tier: "retail" });
  const small = await postJson(webhookUrl, { total: 900, tier: "retail" });
  expect([big.status, small.status]).toEqual([202, 202]);
  const bigRun = big.body.runId ?? "";
  const smallRun = small.body.runId ?? "";

  await test.step("the history: the small order stopped by the filter, the big one succeeded", async () => {
    await page.goto("/runs");
    const table = page.getByRole("table", { name: "Runs, newest first" });
    const row = (runId: string) => table.locator("tbody tr").filter({ has: page.locator(`a[href="/runs/${runId}"]`) });
    await expect(row(smallRun)).toContainText("Stopped by filter", { timeout: 45_000 });
    await expect(row(bigRun)).toContainText("Succeeded", { timeout: 45_000 });
    await choose(page, "Status", "Stopped by filter");
    await expect(page).toHaveURL(/status=FILTERED/);
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(row(smallRun)).toBeVisible();
    await screenshots(page, "filter-runs-filtered");
  });

  await test.step("the stopped run's page says where it stopped and what was compared", async () => {
    await page.goto(`/runs/${smallRun}`);
    const stopped = page.getByRole("region", {
      name: "Stopped by a filter at step “Only continue if…” (only_continue_if): not a failure",
    });
    await expect(stopped).toContainText("total (900) ≤ 1000");
    await expect(stopped).toContainText('tier ("retail") is not "wholesale"');
    await expect(page.getByRole("region", { name: /^Step 2: change_case/ })).toHaveCount(0);
    await screenshots(page, "filter-run-stopped");
  });

  await test.step("the big order's run went on through the step after the filter", async () => {
    await page.goto(`/runs/${bigRun}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    await expect(page.getByRole("region", { name: "Step 1: only_continue_if" })).toContainText("Continued");
    await expect(page.getByRole("region", { name: "Step 2: change_case" })).toContainText("Retail");
  });
});
