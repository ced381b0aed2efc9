import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { newFlow, screenshots, signUp, waitUntilSaved } from "./support/journey-helpers";
import { test } from "./support/test";

// Schedules in plain words: a bookkeeper in Auckland asks for "every Monday at 9:00" without cron.
// The browser's time zone is Auckland's, so a new schedule starts there; every shape reads back in
// words on the panel, the trigger card and the flows list, and is stored as the cron it stands for.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 150_000 });
test.use({ timezoneId: "Pacific/Auckland", locale: "en-NZ" });

const unique = randomBytes(5).toString("hex");

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function storedSchedule(flowId: string) {
  const flow = await prisma.flow.findUniqueOrThrow({ where: { id: flowId } });
  return (flow.draft as { trigger: { type: string; config: Record<string, unknown> } }).trigger;
}

test("a weekly, a monthly and a cron schedule, each said in words in the browser's time zone", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Sione Schedule", `schedule-${unique}@example.com`);
  const flowId = await newFlow(page, "Monday reminders");
  // A new flow reads its dates in the browser's zone too.
  await expect(page.getByRole("combobox", { name: "Flow time zone" })).toContainText("Pacific/Auckland");

  const panel = page.getByRole("dialog", { name: "Trigger" });
  // A click before the editor has hydrated opens nothing: clicked again until the panel is open.
  await expect(async () => {
    await page.getByRole("button", { name: /^Trigger:/ }).click();
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await panel.getByText("Schedule", { exact: true }).click();

  // A new schedule: weekdays at nine, in the zone the browser is in (not UTC).
  const words = panel.getByRole("region", { name: "Schedule in words" });
  await expect(panel.getByRole("tab", { name: "Calendar" })).toHaveAttribute("aria-selected", "true");
  await expect(words).toHaveText("Weekdays at 09:00, Pacific/Auckland");
  await expect(panel.getByLabel("Time zone")).toContainText("Pacific/Auckland");

  // Only Monday: the other weekdays are switched off with the keyboard.
  for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday"]) {
    await panel.getByRole("button", { name: day }).focus();
    await page.keyboard.press("Enter");
  }
  await expect(panel.getByRole("button", { name: "Monday" })).toHaveAttribute("aria-pressed", "true");
  await expect(words).toHaveText("Every Monday at 09:00, Pacific/Auckland");
  await waitUntilSaved(page);
  expect(await storedSchedule(flowId)).toEqual({
    type: "schedule",
    config: { mode: "cron", cron: "0 9 * * 1", timezone: "Pacific/Auckland" },
  });
  // The next runs are Mondays, shown in the person's own date format.
  const nextRuns = panel.getByRole("region", { name: "Next runs" }).getByRole("listitem");
  await expect(nextRuns).toHaveCount(5);
  for (const time of await nextRuns.allInnerTexts()) expect(time).toMatch(/^Monday/);
  await expectNoAxeViolations(page);
  await screenshots(page, "schedule-weekly");

  // Once a month, on the last day, at 17:30.
  await panel.getByLabel("Repeat").click();
  await page.getByRole("option", { name: "Once a month" }).click();
  await panel.getByLabel("Day of the month").click();
  await page.getByRole("option", { name: "Last day of the month" }).click();
  await panel.getByLabel("Time of day").fill("17:30");
  await expect(words).toHaveText("Monthly on the last day at 17:30, Pacific/Auckland");
  await waitUntilSaved(page);
  expect((await storedSchedule(flowId)).config).toEqual({
    mode: "cron",
    cron: "30 17 L * *",
    timezone: "Pacific/Auckland",
  });

  // Cron is still there for those who want it, and reads in words too.
  await panel.getByRole("tab", { name: "Cron" }).click();
  await expect(panel.getByRole("textbox", { name: /^Cron expression/ })).toHaveValue("30 17 L * *");
  await panel.getByRole("textbox", { name: /^Cron expression/ }).fill("*/15 8-17 * * 1-5");
  await expect(words).toHaveText("Every 15 minutes, between 08:00 and 17:59, Monday through Friday, Pacific/Auckland");
  await waitUntilSaved(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Trigger: Schedule" })).toContainText("Every 15 minutes");

  // A cron a calendar can say opens as the calendar after a reload.
  await page.getByRole("button", { name: "Trigger: Schedule" }).click();
  await panel.getByRole("tab", { name: "Cron" }).click();
  await panel.getByRole("textbox", { name: /^Cron expression/ }).fill("0 10 * * 0,6");
  await waitUntilSaved(page);
  await page.reload();
  await page.getByRole("button", { name: "Trigger: Schedule" }).click();
  await expect(panel.getByRole("tab", { name: "Calendar" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByRole("button", { name: "Saturday" })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.getByRole("button", { name: "Sunday" })).toHaveAttribute("aria-pressed", "true");
  await expect(words).toHaveText("Weekends at 10:00, Pacific/Auckland");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press("Escape");

  // The flows list says it in words as well.
  await page.getByRole("link", { name: "Flows" }).first().click();
  await expect(
    page.getByRole("list", { name: "Flows" }).getByRole("listitem").filter({ hasText: "Monday reminders" }),
  ).toContainText("Weekends at 10:00, Pacific/Auckland");
  await screenshots(page, "schedule-flows-list");
});
