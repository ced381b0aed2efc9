import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { password, screenshots, signUp, waitUntilSaved } from "./support/journey-helpers";
import { test } from "./support/test";

// The flows home and the flow editor, as a bookkeeper uses them: sign up, build a
// flow, reload without losing anything, reorder and remove steps; and a VIEWER who can look
// but not change. Screenshots of every screen at desktop and phone width land in e2e/artifacts.

const unique = randomBytes(5).toString("hex");
const sample = {
  customer: "Ada Lovelace",
  email: "ada@example.com",
  lines: [{ name: "Analytical engine", qty: 2, price: 1250 }],
};

const steps = (page: Page) => page.getByRole("list", { name: "Actions" }).getByRole("listitem");

async function addStep(page: Page, search: string, title: string) {
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByPlaceholder("Search actions, e.g. invoice").fill(search);
  await page.getByRole("option", { name: new RegExp(title) }).click();
  await expect(page.getByRole("dialog", { name: new RegExp(title) })).toBeVisible();
}

test("build a flow: trigger, sample, steps, fields; reload loses nothing; reorder and remove", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Erin Editor", `editor-${unique}@example.com`);

  // The empty home explains the first two things to do.
  await expect(page.getByRole("heading", { name: "Flows", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Build your first flow" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect your Xero organisation" })).toHaveAttribute(
    "href",
    "/connections",
  );
  await screenshots(page, "flows-empty");

  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/, { timeout: 20_000 });
  const flowUrl = page.url();

  await page.getByLabel("Flow name").fill("Order paid → invoice");
  await page.getByLabel("Description").fill("Invoices every paid shop order in Xero");
  await page.getByLabel("Description").press("Enter");

  // Trigger: a webhook with its URL and a sample body.
  await page.getByRole("button", { name: "Trigger: Webhook" }).click();
  const triggerPanel = page.getByRole("dialog", { name: "Trigger" });
  await expect(triggerPanel.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(/\/api\/hooks\/[\w-]{43}$/);
  await triggerPanel.getByLabel("Sample request body (JSON)").fill(JSON.stringify(sample, null, 2));
  await waitUntilSaved(page);
  await screenshots(page, "editor-trigger-panel");
  await page.keyboard.press("Escape");

  // Step 1: a sales invoice, with fields typed and mapped through the data picker.
  await addStep(page, "invoice", "Create sales invoice");
  const invoicePanel = page.getByRole("dialog", { name: /Create sales invoice/ });
  await invoicePanel.getByRole("textbox", { name: "Reference", exact: true }).fill("Shop order");
  await invoicePanel.getByRole("button", { name: "Insert data into Customer name" }).click();
  await page.getByRole("option", { name: /email/ }).click();
  await expect(invoicePanel.getByRole("group", { name: "Customer name" })).toContainText(
    "Email from the trigger, sample ada@example.com",
  );
  // Line items mapped from the sample's list, one line per item.
  await invoicePanel.getByRole("tab", { name: "One per item of a list" }).click();
  await invoicePanel.getByRole("combobox", { name: /List to go through/ }).click();
  await page.getByRole("option", { name: /trigger\.body\.lines/ }).click();
  await invoicePanel.getByRole("button", { name: "Insert data into Description" }).click();
  await page.getByRole("option", { name: /^name/ }).first().click();
  await expect(invoicePanel.getByRole("group", { name: "Description" })).toContainText(
    "Name from each line, sample Analytical engine",
  );
  await waitUntilSaved(page);
  await screenshots(page, "editor-step-panel");
  await page.keyboard.press("Escape");

  // Step 2: find a contact.
  await addStep(page, "find contact", "Find contact");
  await page.keyboard.press("Escape");
  await expect(steps(page)).toHaveCount(2);
  await expect(steps(page).nth(0)).toHaveAccessibleName(/Create sales invoice/);
  await waitUntilSaved(page);
  await screenshots(page, "editor");

  // Reload: name, sample, steps and fields are all still there.
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Flow name")).toHaveValue("Order paid → invoice");
  await expect(page.getByLabel("Description")).toHaveValue("Invoices every paid shop order in Xero");
  await expect(steps(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Open Step 1: Create sales invoice" }).click();
  const reopened = page.getByRole("dialog", { name: /Create sales invoice/ });
  await expect(reopened.getByRole("textbox", { name: "Reference", exact: true })).toHaveValue("Shop order");
  await expect(reopened.getByRole("group", { name: "Description" })).toContainText(
    "Name from each line, sample Analytical engine",
  );
  await page.keyboard.press("Escape");

  // Reorder with the keyboard: "Find contact" moves up to step 1.
  await page.getByRole("button", { name: "Move Step 2: Find contact up" }).focus();
  await page.keyboard.press("Enter");
  await expect(steps(page).nth(0)).toHaveAccessibleName("Step 1: Find contact");
  await expect(steps(page).nth(1)).toHaveAccessibleName("Step 2: Create sales invoice");

  // Remove the invoice step; the change is saved and survives a reload.
  await page.getByRole("button", { name: "Remove Step 2: Create sales invoice" }).click();
  await expect(steps(page)).toHaveCount(1);
  await waitUntilSaved(page);
  await page.goto(flowUrl);
  await page.waitForLoadState("networkidle");
  await expect(steps(page)).toHaveCount(1);
  await expect(steps(page).nth(0)).toHaveAccessibleName("Step 1: Find contact");

  // Problems that keep it from being switched on are listed.
  await expect(page.getByRole("region", { name: "Before switching on" })).toContainText("Contact name is required");

  // The home lists it with its trigger and switch.
  await page.goto("/");
  const row = page.getByRole("list", { name: "Flows" }).getByRole("listitem");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Order paid → invoice");
  await expect(row).toContainText("Webhook");
  await expect(row).toContainText("Never");
  await expect(row.getByRole("switch", { name: "Switch Order paid → invoice on/off" })).not.toBeChecked();
  await screenshots(page, "flows");

  // Deleting it (after a confirmation) leaves the empty home again.
  await page.goto(flowUrl);
  await page.getByRole("button", { name: "Delete flow" }).click();
  await page
    .getByRole("dialog", { name: "Delete “Order paid → invoice”?" })
    .getByRole("button", { name: "Delete flow" })
    .click();
  await expect(page.getByRole("heading", { name: "Build your first flow" })).toBeVisible({ timeout: 20_000 });
});

test("a VIEWER sees the editor read-only", async ({ page }) => {
  const owner = await createUserWithWorkspace({
    email: `owner-${unique}@example.com`,
    name: "Olive Owner",
    passwordHash: await hash(password),
  });
  const viewerEmail = `viewer-${unique}@example.com`;
  const viewer = await createUserWithWorkspace({
    email: viewerEmail,
    name: "Vic Viewer",
    passwordHash: await hash(password),
  });
  await prisma.membership.create({ data: { userId: viewer.user.id, workspaceId: owner.workspace.id, role: "VIEWER" } });
  // The webhook's credentials: whoever holds them can start runs, so a viewer must never receive them.
  const webhookToken = `e2e-editor-${randomBytes(16).toString("hex")}`;
  const webhookSigningSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  const flow = await prisma.flow.create({
    data: {
      workspaceId: owner.workspace.id,
      name: "Supplier bills",
      draft: {
        schemaVersion: 1,
        trigger: { type: "webhook", config: {}, sample: { body: { supplier: "Acme" } } },
        steps: [
          {
            key: "find_contact",
            action: "xero.findContact",
            input: { matchBy: "Name", Name: "{{trigger.body.supplier}}" },
          },
        ],
      },
      webhookToken,
      webhookSigningSecret,
    },
  });
  // Switched on, with a draft edited since: the viewer is told, but can neither publish nor run it.
  const version = await prisma.flowVersion.create({
    data: {
      workspaceId: owner.workspace.id,
      flowId: flow.id,
      number: 1,
      definition: {
        schemaVersion: 1,
        trigger: { type: "webhook", config: {} },
        steps: [{ key: "find_contact", action: "xero.findContact", input: { matchBy: "Name", Name: "Acme" } }],
      },
      createdById: owner.user.id,
    },
  });
  await prisma.flow.update({ where: { id: flow.id }, data: { enabled: true, publishedVersionId: version.id } });
  await prisma.$disconnect();

  // Sign in as the viewer, working in the owner's workspace.
  await page.context().addCookies([
    {
      name: "lf_workspace",
      value: owner.workspace.id,
      url: process.env.LEDGERFLOW_TEST_WEB_URL ?? "http://localhost:3000",
    },
  ]);
  await page.goto("/login");
  await page.getByLabel("Email").fill(viewerEmail);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible({ timeout: 20_000 });

  const editorPage = await page.goto(`/flows/${flow.id}`);
  // Not in the HTML nor in the data the page hands its components.
  const html = (await editorPage?.text()) ?? "";
  expect(html).toContain("Supplier bills");
  expect(html).not.toContain(webhookToken);
  expect(html).not.toContain(webhookSigningSecret);
  await expect(page.getByText("You can view this flow.")).toBeVisible();
  await expect(page.getByLabel("Flow name")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Add a step" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove Step/ })).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Switch Supplier bills on/off" })).toBeDisabled();
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);

  // The trigger says there is a webhook, signed, without its URL or secret: they are credentials.
  await page.getByRole("button", { name: "Trigger: Webhook" }).click();
  const triggerPanel = page.getByRole("dialog", { name: "Trigger" });
  await expect(triggerPanel.getByText("Only owners and editors see the URL")).toBeVisible();
  await expect(triggerPanel.getByRole("textbox", { name: "Webhook URL" })).toHaveCount(0);
  await expect(triggerPanel.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
  await expect(triggerPanel.getByRole("switch", { name: "Require a signature" })).toBeChecked();
  await expect(triggerPanel.getByRole("switch", { name: "Require a signature" })).toBeDisabled();
  await expect(triggerPanel.getByRole("button", { name: "Listen for a test event" })).toHaveCount(0);
  expect(await page.content()).not.toContain(webhookToken);
  await expectNoAxeViolations(page);
  await screenshots(page, "editor-viewer-trigger");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Open Step 1: Find contact" }).click();
  const panel = page.getByRole("dialog", { name: /Find contact/ });
  await expect(panel.getByRole("textbox", { name: /^Contact name/ })).toHaveAttribute("readonly", "");
  await expect(panel.getByRole("button", { name: "Test step" })).toBeDisabled();
  await screenshots(page, "editor-viewer");
});
