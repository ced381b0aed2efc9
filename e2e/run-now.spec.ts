import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { hash } from "@node-rs/argon2";
import { expect as baseExpect } from "@playwright/test";
import { password, screenshots, seedSandboxConnection } from "./support/journey-helpers";
import { test } from "./support/test";

// "Run now" on a manual-trigger flow, and "Publish changes" on an enabled one. The user,
// their Xero connection (tokens minted by the sandbox, as a completed consent leaves them) and
// the flow's draft are set up directly; everything after sign-in is done in the browser.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const unique = randomBytes(5).toString("hex");

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("Publish changes keeps the flow on; Run now runs the published version with an edited body", async ({ page }) => {
  const email = `run-now-${unique}@example.com`;
  const { user, workspace } = await createUserWithWorkspace({
    email,
    name: "Rhea Runner",
    passwordHash: await hash(password),
  });
  const connection = await seedSandboxConnection(workspace.id, user.id);
  const flow = await prisma.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Month-end contact sync",
      draft: {
        schemaVersion: 1,
        trigger: { type: "manual", config: {}, sample: { body: { customer: `Sample Co ${unique}` } } },
        steps: [
          {
            key: "find_or_create_contact",
            action: "xero.findOrCreateContact",
            connectionId: connection.id,
            input: { matchBy: "Name", Name: "{{trigger.body.customer}}" },
          },
        ],
      },
      webhookToken: `e2e-run-now-${randomBytes(16).toString("hex")}`,
      createdById: user.id,
    },
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible({ timeout: 30_000 });
  await page.goto(`/flows/${flow.id}`);

  // Off: nothing to run yet.
  await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);
  const enabledSwitch = page.getByRole("switch", { name: "Switch Month-end contact sync on/off" });
  await enabledSwitch.click();
  await expect(enabledSwitch).toBeChecked();
  await expect(page.getByText("Unpublished changes")).toHaveCount(0);

  const panel = page.getByRole("dialog", { name: /Find or create contact/ });
  const contactName = panel.getByRole("textbox", { name: /^Contact name/ });
  const saved = page.getByRole("status").filter({ hasText: /^Saved$/ });

  await test.step("changes that could not run are refused by Publish changes, and the flow stays on", async () => {
    await page.getByRole("button", { name: "Open Step 1: Find or create contact" }).click();
    // The mapped name is a pill: removed with its ×.
    await panel.getByRole("button", { name: "Remove Customer" }).click();
    await expect(saved).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Publish changes" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Your changes are not published until these are fixed" }),
    ).toContainText("Contact name is required");
    await expect(enabledSwitch).toBeChecked();
    const stored = await prisma.flow.findUniqueOrThrow({
      where: { id: flow.id },
      select: { enabled: true, publishedVersion: { select: { number: true } } },
    });
    expect(stored).toEqual({ enabled: true, publishedVersion: { number: 1 } });
  });

  await test.step("an edit to an enabled flow waits for Publish changes, which keeps it on", async () => {
    await page.getByRole("button", { name: "Open Step 1: Find or create contact" }).click();
    await contactName.fill("{{trigger.body.company}}");
    await expect(saved).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await expect(page.getByText("Unpublished changes")).toBeVisible();
    await screenshots(page, "editor-unpublished-changes");

    // The sample has no "company": publishing asks about it first, and "Publish anyway" publishes.
    await page.getByRole("button", { name: "Publish changes" }).click();
    const problems = page.getByRole("alert", { name: "Before switching on" });
    await expect(problems).toContainText("“company” is not in the trigger's sample");
    await problems.getByRole("button", { name: "Publish anyway" }).click();
    await expect(page.getByText("Published version 2: new runs use your changes.")).toBeVisible();
    await expect(page.getByText("Unpublished changes")).toHaveCount(0);
    await expect(enabledSwitch).toBeChecked();
    const stored = await prisma.flow.findUniqueOrThrow({
      where: { id: flow.id },
      select: { enabled: true, publishedVersion: { select: { number: true, definition: true } } },
    });
    expect(stored.enabled).toBe(true);
    expect(stored.publishedVersion?.number).toBe(2);
    expect(JSON.stringify(stored.publishedVersion?.definition)).toContain("{{trigger.body.company}}");
  });

  await test.step("Run now with the sample, edited, and the run succeeds", async () => {
    // By keyboard: Enter opens the dialog with the body ready to edit.
    await page.getByRole("button", { name: "Run now" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Run now" });
    const body = dialog.getByRole("textbox", { name: "Request body (JSON)" });
    await expect(body).toBeFocused();
    expect(JSON.parse(await body.inputValue())).toEqual({ customer: `Sample Co ${unique}` });

    await body.fill("{ not json");
    await dialog.getByRole("button", { name: "Start run" }).click();
    await expect(dialog.getByRole("alert")).toContainText("The body is not valid JSON");
    // What PostgreSQL cannot store is named, not "Something went wrong".
    await body.fill('{ "company": "Nul\\u0000 Ltd" }');
    await dialog.getByRole("button", { name: "Start run" }).click();
    await expect(dialog.getByRole("alert")).toContainText("body.company: contains a NUL character");

    await body.fill(JSON.stringify({ company: `Run Now Ltd ${unique}` }, null, 2));
    await dialog.getByRole("button", { name: "Start run" }).click();
    await expect(dialog.getByRole("status")).toContainText("The run has started.");
    await screenshots(page, "editor-run-now");
    await dialog.getByRole("link", { name: "Open the run" }).click();
    await expect(page).toHaveURL(/\/runs\/\w+$/);

    // The detail page refreshes itself until the run has finished.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded", { timeout: 45_000 });
    await expect(page.getByRole("region", { name: "Step 1: find_or_create_contact" })).toContainText(
      `Run Now Ltd ${unique}`,
    );
    const runId = page.url().split("/").at(-1) ?? "";
    const run = await prisma.run.findUniqueOrThrow({
      where: { id: runId },
      select: { source: true, status: true, flowVersion: { select: { number: true } } },
    });
    expect(run).toEqual({ source: "MANUAL", status: "SUCCEEDED", flowVersion: { number: 2 } });
    await screenshots(page, "run-detail-run-now");
  });
});
