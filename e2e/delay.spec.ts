import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { addStep, choose, postJson, screenshots, signUp, waitUntilSaved } from "./support/journey-helpers";
import { test } from "./support/test";

// Delay and the Formatter's live preview of #15, as a bookkeeper meets them: "Delay for 1 hour"
// then a Formatter step whose result shows under it while the text is typed; switched on, a webhook's
// run waits (its page says until when, no worker is held) and can be cancelled from there.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("a run waits for 'Delay for 1 hour', says until when, and is cancelled from its page; a Formatter previews as you type", async ({
  page,
}) => {
  const unique = randomBytes(5).toString("hex");
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Dana Delay", `delay-${unique}@example.com`);
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await page.getByLabel("Flow name").fill(`Chase later ${unique}`);
  await page.getByLabel("Flow name").press("Enter");

  let webhookUrl = "";
  await test.step("a webhook with a customer as its sample", async () => {
    await page.getByRole("button", { name: "Trigger: Webhook" }).click();
    const trigger = page.getByRole("dialog", { name: "Trigger" });
    webhookUrl = await trigger.getByRole("textbox", { name: "Webhook URL" }).inputValue();
    await trigger.getByLabel("Sample request body (JSON)").fill(JSON.stringify({ customer: "ana's bakery" }));
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
  });

  await test.step("the flow's time zone: a date step that names none reads its dates there", async () => {
    // Retried as a whole: a click before React has hydrated the page opens nothing.
    await expect(async () => {
      await page.getByRole("combobox", { name: "Flow time zone" }).click();
      await page.getByRole("combobox", { name: "Search the choices" }).fill("Auckland", { timeout: 2_000 });
    }).toPass();
    await page.getByRole("option", { name: "Pacific/Auckland" }).click();
    await expect(page.getByRole("combobox", { name: "Flow time zone" })).toHaveText("Pacific/Auckland");
    await waitUntilSaved(page);
    const panel = await addStep(page, "read a date", "Read a date");
    await panel.getByRole("textbox", { name: /^Date to read/ }).fill("2026-07-01T09:00");
    // New Zealand's winter is UTC+12: the time written without an offset is read there.
    await expect(panel.getByRole("region", { name: "Preview" }).getByRole("status")).toHaveText(
      '"2026-07-01T09:00:00+12:00"',
    );
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Flow time zone" })).toHaveText("Pacific/Auckland");
  });

  await test.step("Delay for 1 hour", async () => {
    const panel = await addStep(page, "delay for", "Delay for");
    await panel.getByRole("textbox", { name: /^Wait for/ }).fill("1");
    await choose(page, "Unit", "Hours");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
  });

  await test.step("a Formatter step shows its result on the sample while the text is typed", async () => {
    const panel = await addStep(page, "letter case", "Change letter case");
    const preview = panel.getByRole("region", { name: "Preview" });
    await panel.getByRole("textbox", { name: /^Text/ }).fill("{{trigger.body.customer}}");
    await expect(preview.getByRole("status")).toHaveText('"Ana\'s Bakery"');
    await choose(page, "Change to", "UPPER CASE");
    await expect(preview.getByRole("status")).toHaveText('"ANA\'S BAKERY"');
    await expectNoAxeViolations(page);
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
  });

  await test.step("switched on, a webhook's run waits and its page says until when", async () => {
    const enabledSwitch = page.getByRole("switch", { name: `Switch Chase later ${unique} on/off` });
    await enabledSwitch.click();
    await expect(page.getByText(`“Chase later ${unique}” is on`)).toBeVisible();
    const sent = await postJson(webhookUrl, { customer: "ben's books" });
    expect(sent.status).toBe(202);
    await page.goto(`/runs/${sent.body.runId}`);
    await expect(page.getByText("Waiting", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
    const waiting = page.getByRole("region", { name: /^Waiting for a delay/ });
    await expect(waiting).toContainText("Waiting for a delay at step “Delay for” (delay_for): the run goes on at");
    await expect(waiting).toContainText("No worker is held while it waits.");
    await expectNoAxeViolations(page);
    await screenshots(page, "delay-waiting", { desktop: 1440 });
  });

  await test.step("Cancel run asks first, then the run is Cancelled and nothing after the delay ran", async () => {
    await page.getByRole("button", { name: "Cancel run" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Cancel this waiting run?" });
    await expect(confirm).toContainText("The steps after the delay will not run.");
    await confirm.getByRole("button", { name: "Keep waiting" }).click();
    await expect(confirm).toHaveCount(0);
    await page.getByRole("button", { name: "Cancel run" }).click();
    await page
      .getByRole("alertdialog", { name: "Cancel this waiting run?" })
      .getByRole("button", { name: "Cancel run" })
      .click();
    await expect(page.getByText("Run cancelled: the steps after the delay will not run")).toBeVisible();
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
    // Only the date step and the delay ran: nothing after the delay.
    await expect(page.getByRole("heading", { name: /Step 3:/ })).toHaveCount(0);
  });
});
