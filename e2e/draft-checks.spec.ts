import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { addStep, newFlow, screenshots, signUp, waitUntilSaved, webhookTrigger } from "./support/journey-helpers";
import { test } from "./support/test";

// What a bookkeeper meets while a flow is unfinished: a half-made mapping always saves and is asked
// for in words; a mapping to a field the sample lacks is flagged at once and may be accepted at
// switch-on; fresh steps open with their choices made; "All items" needs no item code.

const unique = randomBytes(5).toString("hex");
const sample = { order_id: "A-1", customer: { name: "Ana's Bakery" }, lines: [{ name: "Bread", price: 9 }] };

const steps = (page: Page) => page.getByRole("list", { name: "Actions" }).getByRole("listitem");

async function removeOnlyStep(page: Page, title: string) {
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: `Remove Step 1: ${title}` }).click();
  await expect(steps(page)).toHaveCount(0);
}

test("an unfinished draft saves; missing sample fields warn; choices start made; All items hides Item code", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Dora Drafts", `drafts-${unique}@example.com`);
  const name = `Draft checks ${unique}`;
  await newFlow(page, name);
  await webhookTrigger(page, sample);

  // "One per item of a list" before the list is chosen: saved, asked for in words, no schema path.
  const invoice = await addStep(page, "invoice", "Create sales invoice");
  await invoice.getByRole("tab", { name: "One per item of a list" }).click();
  await waitUntilSaved(page);
  await expect(page.getByText(/Not saved|Invalid input|draft\.steps/)).toHaveCount(0);
  await expect(invoice.getByRole("group", { name: /Line items/ })).toContainText(
    "Line items: choose the list to repeat over",
  );
  await expect(invoice).not.toContainText("is not a valid reference");
  await page.reload();
  await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
  const reopened = page.getByRole("dialog", { name: /Create sales invoice/ });
  await expect(reopened.getByRole("tab", { name: "One per item of a list" })).toHaveAttribute("aria-selected", "true");
  await removeOnlyStep(page, "Create sales invoice");

  // A fresh Find or create contact has its choice made.
  const contact = await addStep(page, "find or create", "Find or create contact");
  await expect(contact.getByRole("combobox", { name: /Find the contact by/ })).toHaveText(/Contact name/);
  await removeOnlyStep(page, "Find or create contact");

  // Find items: "All items" hides the item code and what to do when no item has it.
  const items = await addStep(page, "find items", "Find items");
  await expect(items.getByRole("combobox", { name: /^Find/ })).toHaveText(/One item, by its code/);
  await expect(items.getByRole("combobox", { name: /When nothing matches/ })).toHaveText(/Stop the run/);
  await expect(items.getByRole("combobox", { name: /^Item code/ })).toBeVisible();
  await items.getByRole("combobox", { name: /^Find/ }).click();
  await page.getByRole("option", { name: "All items" }).click();
  await expect(items.getByRole("combobox", { name: /^Item code/ })).toHaveCount(0);
  await expect(items.getByRole("combobox", { name: /When nothing matches/ })).toHaveCount(0);
  await waitUntilSaved(page);
  await removeOnlyStep(page, "Find items");

  // A mapping to a field the sample does not have is flagged under the field as soon as it is typed.
  const trim = await addStep(page, "trim", "Trim blanks");
  await trim.getByRole("textbox", { name: "Text", exact: true }).fill("{{trigger.body.customer.fullname}}");
  const warning = "“customer.fullname” is not in the trigger's sample — check the name, or load a sample that has it";
  await expect(trim.getByText(warning)).toBeVisible();
  await expect(trim.getByRole("textbox", { name: "Text", exact: true })).toHaveAccessibleDescription(
    new RegExp(warning),
  );
  await waitUntilSaved(page);
  await page.keyboard.press("Escape");

  // Switch-on lists it as something to check, and "Switch on anyway" switches the flow on.
  const enabled = page.getByRole("switch", { name: `Switch ${name} on/off` });
  await enabled.click();
  const problems = page.getByRole("alert", { name: "Before switching on" });
  await expect(problems).toContainText("Check this mapping before switching on");
  await expect(problems).toContainText(warning);
  await expect(enabled).not.toBeChecked();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await screenshots(page, "draft-checks-warning");
  await problems.getByRole("button", { name: "Switch on anyway" }).click();
  await expect(enabled).toBeChecked();
  await expect(problems).toHaveCount(0);

  // The step's panel with the warning under its field passes axe too, at both widths (the page
  // behind it was checked above; "is on" is still fading in as a toast).
  await page.getByRole("button", { name: "Open Step 1: Trim blanks" }).click();
  await expect(page.getByRole("dialog", { name: /Trim blanks/ }).getByText(warning)).toBeVisible();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, '[role="dialog"]');
  }
  await screenshots(page, "draft-checks-field-warning");
});
