import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { addStep, newFlow, screenshots, signUp, waitUntilSaved, webhookTrigger } from "./support/journey-helpers";
import { test } from "./support/test";

// Mapped values read as data: a value picked from the trigger's sample is a pill with its label and
// sample value, in text fields, dropdowns and a list's item fields alike; pills go with the keyboard;
// the raw `{{…}}` text stays editable; a fresh step is not red before anyone has touched it.

const unique = randomBytes(5).toString("hex");
const sample = { order_id: 1042, contact_id: "c-77", lines: [{ sku: "AE-1", qty: 2 }] };

async function insertData(page: Page, panel: Locator, field: string, option: RegExp) {
  await panel.getByRole("button", { name: `Insert data into ${field}`, exact: true }).click();
  await page.getByRole("option", { name: option }).first().click();
}

test("mappings are pills with label and sample, removable with the keyboard, editable as text", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 800 });
  await signUp(page, "Mia Mapper", `mapping-${unique}@example.com`);
  await newFlow(page, "Orders mapped as pills");
  await webhookTrigger(page, sample);
  const panel = await addStep(page, "invoice", "Create sales invoice");
  const reference = panel.getByRole("textbox", { name: "Reference", exact: true });
  const referenceField = panel.getByRole("group", { name: "Reference", exact: true });

  await test.step("a fresh step shows no error until a field is left empty", async () => {
    await expect(panel.getByRole("alert")).toHaveCount(0);
    await expect(panel.getByText(/is required|Choose the connected account/)).toHaveCount(0);
    const organisation = panel.getByRole("combobox", { name: /^Xero organisation/ });
    await organisation.focus();
    await page.keyboard.press("Tab");
    await expect(panel.getByRole("alert")).toContainText("Choose the connected account this step uses.");
  });

  await test.step("text and a picked value in one field: the text, then a pill with label and sample", async () => {
    await reference.fill("Order ");
    await insertData(page, panel, "Reference", /^body › order_id/);
    await expect(referenceField).toContainText("Order");
    await expect(referenceField).toContainText("Order id from the trigger, sample 1042");
    await expect(referenceField.getByText("1042", { exact: true })).toBeVisible();
    await waitUntilSaved(page);
    // The panel scrolls on its own: the field is put in the middle, where a relayout keeps it in view.
    await referenceField.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await screenshots(page, "mapping-pills-text", { desktop: 1440 });
  });

  await test.step("the pill goes with Backspace on its ×, and typing `{{…}}` makes it again", async () => {
    await panel.getByRole("button", { name: "Remove Order id" }).focus();
    await page.keyboard.press("Backspace");
    await expect(panel.getByRole("button", { name: "Remove Order id" })).toHaveCount(0);
    await expect(reference).toHaveValue("Order ");
    await expect(reference).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.type("{{trigger.body.order_id}} paid");
    await expect(referenceField).toContainText("Order id from the trigger, sample 1042");
    // Typing went on in the box after the pill.
    await expect(reference).toHaveValue(" paid");
    // Backspace at the start of the box removes the pill before it.
    await page.keyboard.press("Home");
    await page.keyboard.press("Backspace");
    await expect(panel.getByRole("button", { name: "Remove Order id" })).toHaveCount(0);
    await expect(reference).toHaveValue("Order  paid");
  });

  await test.step("Edit as text shows the raw reference; one the sample lacks is an amber pill", async () => {
    await reference.fill("Order {{trigger.body.customer.fullname}}");
    await expect(referenceField).toContainText("trigger.body.customer.fullname from the trigger, not in the sample");
    await expect(referenceField.getByText("not in the sample", { exact: true })).toBeVisible();
    await panel.getByRole("button", { name: "Edit as text" }).click();
    await expect(reference).toHaveValue("Order {{trigger.body.customer.fullname}}");
    await reference.fill("Order {{ trigger.body.order_id }}");
    await panel.getByRole("button", { name: "Show as pills" }).click();
    await expect(referenceField).toContainText("Order id from the trigger, sample 1042");
  });

  await test.step("a dropdown shows its mapping as a pill, not as the grey placeholder", async () => {
    const customer = panel.getByRole("combobox", { name: /^Customer/ }).first();
    await expect(customer).toHaveText("Choose a Xero organisation first");
    await insertData(page, panel, "Customer", /^body › contact_id/);
    await expect(customer).toContainText("Contact id from the trigger, sample c-77");
    await expect(customer).not.toContainText("Choose a Xero organisation first");
    await screenshots(page, "mapping-pills-dropdown", { desktop: 1440 });
    await panel.getByRole("button", { name: "Remove Contact id" }).click();
    await expect(customer).toHaveText("Choose a Xero organisation first");
    // Delete on the closed dropdown removes a mapping too.
    await insertData(page, panel, "Customer", /^body › contact_id/);
    await customer.focus();
    await page.keyboard.press("Delete");
    await expect(customer).toHaveText("Choose a Xero organisation first");
  });

  await test.step("one line per item: the list and each line's fields are pills", async () => {
    await panel.getByRole("tab", { name: "One per item of a list" }).click();
    await panel.getByRole("combobox", { name: /^List to go through/ }).click();
    await page.getByRole("option", { name: /trigger\.body\.lines/ }).click();
    await expect(panel.getByRole("combobox", { name: /^List to go through/ })).toContainText(
      "Lines from the trigger, sample 1 item",
    );
    await insertData(page, panel, "Description", /^sku/);
    await expect(panel.getByRole("group", { name: "Description", exact: true })).toContainText(
      "Sku from each line, sample AE-1",
    );
    await waitUntilSaved(page);
  });

  await test.step("no serious or critical axe violation, at desktop and phone width", async () => {
    await expectNoAxeViolations(page);
    await screenshots(page, "mapping-pills-list", { desktop: 1440 });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
  });
});
