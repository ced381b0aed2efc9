import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { hash } from "@node-rs/argon2";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { password, signUp } from "./support/journey-helpers";
import { test } from "./support/test";

// The operator's Xero webhooks page (Connections › Xero webhooks): the URL to give Xero and what
// arrived there. Deliveries are real POSTs to the URL the page shows (scripts/test.mjs sets
// XERO_WEBHOOK_PATH, so that URL is the configured path, not the route's own), signed with the
// suite's key as Xero signs them: base64 HMAC-SHA256 of the raw body.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = randomBytes(5).toString("hex");
const webUrl = process.env.LEDGERFLOW_TEST_WEB_URL ?? "http://localhost:3000";
const key = () => {
  const value = process.env.XERO_WEBHOOK_KEY;
  if (!value) throw new Error("XERO_WEBHOOK_KEY is not set: run through scripts/test.mjs");
  return value;
};

test.afterAll(async () => {
  await prisma.$disconnect();
});

const sign = (body: string) => createHmac("sha256", key()).update(body, "utf8").digest("base64");
const deliver = (url: string, body: string, signature?: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "x-xero-signature": signature } : {}) },
    body,
  });

/** A batch as Xero sends it: `count` invoice events for one tenant of our own. */
function xeroBatch(count: number) {
  const tenantId = randomUUID();
  const events = Array.from({ length: count }, () => {
    const resourceId = randomUUID();
    return {
      resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${resourceId}`,
      resourceId,
      eventDateUtc: new Date().toISOString().replace("Z", ""),
      eventType: "UPDATE",
      eventCategory: "INVOICE",
      tenantId,
      tenantType: "ORGANISATION",
    };
  });
  return JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: count, entropy: randomUUID() });
}

/** The number a totals tile shows under its term. */
async function totalOf(page: Page, term: string) {
  const tile = page.locator("dl > div").filter({ has: page.getByRole("term").filter({ hasText: term }) });
  return Number((await tile.getByRole("definition").first().textContent())?.replace(/\D/g, ""));
}
const rows = (page: Page) => page.getByRole("table", { name: "Latest deliveries, newest first" }).locator("tbody tr");

test("an owner sees the URL to give Xero and the key's state, and each signed delivery as it arrives", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "Olive Owner", `xero-webhooks-owner-${unique}@example.com`);
  await page.getByRole("link", { name: "Connections" }).first().click();
  await page.getByRole("link", { name: /Xero webhooks/ }).click();
  await expect(page.getByRole("heading", { name: "Xero webhooks", level: 1 })).toBeVisible();

  const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
  expect(url).toBe(`${webUrl}${process.env.XERO_WEBHOOK_PATH}`);
  await expect(page.getByText("Key set", { exact: true })).toBeVisible();
  await expect(page.getByText("From XERO_WEBHOOK_KEY in the environment.")).toBeVisible();
  expect(await page.content()).not.toContain(key());

  await test.step("by keyboard: from the URL to Copy, and the clipboard holds the URL", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("textbox", { name: "Webhook URL" }).focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Copy webhook URL" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Copy webhook URL" })).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  const before = {
    deliveries: await totalOf(page, "Verified deliveries"),
    failures: await totalOf(page, "Failures"),
    events: await totalOf(page, "Events stored"),
  };

  await test.step("a signed delivery is listed as verified with its events; an unsigned one is refused and not listed", async () => {
    const signed = xeroBatch(3);
    const accepted = await deliver(url, signed, sign(signed));
    expect(accepted.status).toBe(200);
    const unsigned = xeroBatch(2);
    expect((await deliver(url, unsigned)).status).toBe(401);
    expect((await deliver(url, unsigned, sign(`${unsigned} `))).status).toBe(401);

    await page.reload();
    expect(await totalOf(page, "Verified deliveries")).toBe(before.deliveries + 1);
    expect(await totalOf(page, "Events stored")).toBe(before.events + 3);
    const latest = rows(page).first();
    await expect(latest).toContainText("Verified");
    await expect(latest).toContainText("3 events");
    await expect(latest).toContainText("Stored");
    await expect(rows(page).filter({ hasText: "2 events" })).toHaveCount(0);
  });

  await test.step("a signed body that is not Xero's is answered 400 and listed as a failure, naming the field", async () => {
    const notXero = JSON.stringify({ entropy: randomUUID() });
    const refused = await deliver(url, notXero, sign(notXero));
    expect(refused.status).toBe(400);
    await page.reload();
    expect(await totalOf(page, "Failures")).toBe(before.failures + 1);
    const latest = rows(page).first();
    await expect(latest).toContainText("Refused");
    await expect(latest).toContainText("events:");
  });

  await expectNoAxeViolations(page);
  for (const [label, width, height] of [
    ["desktop", 1440, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Nothing sideways at either width, clipped or not: every element of the page ends within the screen.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 40)}`),
    );
    expect(overflowing, label).toEqual([]);
    await page.screenshot({ path: `e2e/artifacts/xero-webhooks-${label}.png`, fullPage: true });
  }
  await expectNoAxeViolations(page);
});

test("editors and viewers of a workspace find neither the page nor its link", async ({ page }) => {
  const owner = await createUserWithWorkspace({
    email: `xero-webhooks-o-${unique}@example.com`,
    name: "Otto Owner",
    passwordHash: await hash(password),
  });
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const email = `xero-webhooks-${role.toLowerCase()}-${unique}@example.com`;
    const member = await createUserWithWorkspace({ email, name: `${role} member`, passwordHash: await hash(password) });
    await prisma.membership.create({ data: { userId: member.user.id, workspaceId: owner.workspace.id, role } });

    await page.context().clearCookies();
    // Working in the owner's workspace, where they are a member but not an owner.
    await page.context().addCookies([{ name: "lf_workspace", value: owner.workspace.id, url: webUrl }]);
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible();

    await page.goto("/connections");
    await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /Xero webhooks/ })).toHaveCount(0);
    const response = await page.goto("/connections/xero-webhooks");
    expect(response?.status(), role).toBe(404);
    await expect(page.getByRole("textbox", { name: "Webhook URL" })).toHaveCount(0);
  }
});
