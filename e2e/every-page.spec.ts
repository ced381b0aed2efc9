import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  addStep,
  choose,
  connectSandboxXero,
  newFlow,
  postJson,
  signUp,
  waitUntilSaved,
  webhookTrigger,
} from "./support/journey-helpers";
import { lowContrastPlaceholders } from "./support/placeholder-contrast";
import { test } from "./support/test";

// Every screen a person meets, signed out and in, at desktop (1440 px) and phone (390 px) width:
// axe-core finds no serious or critical WCAG A/AA violation, no placeholder is under 4.5:1, and a
// full-page screenshot of each is kept in e2e/artifacts (every-page-<screen>-<width>.png). On the
// way: the favicon answers, no request of any page answers 404, "Skip to content" is the first Tab
// stop and moves focus to the content, and the flow switch is named for what it does and says its
// state — also when the flow was switched elsewhere while its editor was open.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

const widths = [
  ["desktop", 1440, 900],
  ["phone", 390, 844],
] as const;

/** The screen at both widths: axe, placeholders, and a full-page screenshot of each. */
async function checkScreen(page: Page, name: string) {
  for (const [label, width, height] of widths) {
    await page.setViewportSize({ width, height });
    await expectNoAxeViolations(page);
    expect(await lowContrastPlaceholders(page), `placeholders under 4.5:1 on ${name} at ${width} px`).toEqual([]);
    await page.screenshot({ path: `e2e/artifacts/every-page-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The first Tab stop is "Skip to content", shown once focused; following it puts focus on the content. */
async function expectSkipLink(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("every page passes axe at 1440 and 390 px, with a favicon, a skip link and an honest flow switch", async ({
  page,
  context,
}) => {
  const unique = randomBytes(5).toString("hex");
  const flowName = `Weekly Xero reference check ${unique}`;
  const notFound: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  await page.setViewportSize({ width: 1440, height: 900 });

  await test.step("landing: a call to action, the favicon, the skip link", async () => {
    await page.goto("/");
    const hero = page.getByRole("region", { name: "Automate your bookkeeping in Xero, without writing code." });
    await expect(hero.getByRole("link", { name: "Get started" })).toHaveAttribute("href", "/signup");
    await expect(hero.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(icon).toBeTruthy();
    const answer = await page.request.get(icon ?? "");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
    await expectSkipLink(page);
    await checkScreen(page, "landing");
  });

  await test.step("sign up and sign in", async () => {
    await page.goto("/signup");
    await expectSkipLink(page);
    await checkScreen(page, "signup");
    await page.goto("/login");
    await checkScreen(page, "login");
  });

  await signUp(page, "Pat Polish", `polish-${unique}@example.com`);

  await test.step("flows, empty, before and after connecting Xero: the next step is named", async () => {
    await expectSkipLink(page);
    await checkScreen(page, "flows-empty");
    await connectSandboxXero(page, `xero-${unique}@sandbox.test`);
    const next = page.getByRole("region", { name: "Next: create your first flow" });
    await expect(next.getByRole("button", { name: "Create your first flow" })).toBeVisible();
    await checkScreen(page, "connections-connected");
    await page.goto("/");
    await expect(page.getByRole("listitem").filter({ hasText: "Next: create your first flow" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New flow" })).toBeVisible();
    await checkScreen(page, "flows-empty-connected");
  });

  let webhookUrl = "";
  await test.step("the editor, with a step and the Add-a-step dialog", async () => {
    await newFlow(page, flowName);
    webhookUrl = await webhookTrigger(page, { customer: "ana's bakery", reference: "INV-0042" });
    const panel = await addStep(page, "letter case", "Change letter case");
    await panel.getByRole("textbox", { name: /^Text/ }).fill("{{trigger.body.customer}}");
    await choose(page, "Change to", "UPPER CASE");
    await waitUntilSaved(page);
    await page.keyboard.press("Escape");
    await checkScreen(page, "editor");

    // The whole catalog does not fit: the list says how many actions are below its fold, until the end.
    await page.getByRole("button", { name: "Add a step", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Add a step" });
    const hint = dialog.getByText(/^\d+ more actions? below — scroll to see them$/);
    await expect(hint).toBeVisible();
    await checkScreen(page, "add-step");
    await dialog.getByRole("listbox").evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect(hint).toBeHidden();
    await page.keyboard.press("Escape");
  });

  await test.step("the switch says what it does and its state, in the editor and the list", async () => {
    const editorSwitch = page.getByRole("switch", { name: `Switch ${flowName} on/off` });
    await expect(editorSwitch).toHaveAttribute("aria-checked", "false");
    await editorSwitch.click();
    await expect(editorSwitch).toHaveAttribute("aria-checked", "true");
    await expect(page.getByText(`“${flowName}” is on`)).toBeVisible();

    // Switched off in the list, then back to the editor: it shows what the server says, not what it last saw.
    await page.getByRole("link", { name: "Flows" }).first().click();
    const row = page.getByRole("list", { name: "Flows" }).getByRole("listitem").filter({ hasText: flowName });
    const listSwitch = row.getByRole("switch", { name: `Switch ${flowName} on/off` });
    await expect(listSwitch).toHaveAttribute("aria-checked", "true");
    await checkScreen(page, "flows");
    await listSwitch.click();
    await expect(page.getByText(`“${flowName}” is off`)).toBeVisible();
    // Back shows the render the router kept (an untitled flow without steps): the editor finds it
    // stale and reloads, so neither the switch nor the draft is the old one.
    await page.goBack();
    await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
    await expect(editorSwitch).toHaveAttribute("aria-checked", "false");
    await expect(page.getByRole("button", { name: "Open Step 1: Change letter case" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);

    // Switched on in another tab while this editor is open: coming back to it reads the server again.
    const other = await context.newPage();
    await other.goto("/");
    await other
      .getByRole("list", { name: "Flows" })
      .getByRole("listitem")
      .filter({ hasText: flowName })
      .getByRole("switch", { name: `Switch ${flowName} on/off` })
      .click();
    await expect(other.getByText(`“${flowName}” is on`)).toBeVisible();
    await other.close();
    // Headless Chromium never hides a tab, so it sends no event when one is brought back: the event
    // a browser sends then (visibilitychange, the page visible again) is dispatched as it would be.
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(editorSwitch).toHaveAttribute("aria-checked", "true");
    expect(await prisma.flow.findFirstOrThrow({ where: { name: flowName }, select: { enabled: true } })).toEqual({
      enabled: true,
    });
  });

  await test.step("connections and Xero webhooks", async () => {
    await page.goto("/connections");
    await checkScreen(page, "connections");
    await page.goto("/connections/xero-webhooks");
    await checkScreen(page, "xero-webhooks");
  });

  await test.step("run history and a run", async () => {
    const sent = await postJson(webhookUrl, { customer: "ben's books", reference: "INV-0043" });
    expect(sent.status).toBe(202);
    await page.goto("/runs");
    const newest = page.getByRole("table", { name: "Runs, newest first" }).locator("tbody tr").first();
    await expect(newest).toContainText("Succeeded", { timeout: 45_000 });
    // A long flow name chosen in the Flow filter stays on one line: the filters keep their row.
    await choose(page, "Flow", flowName);
    await expect(page).toHaveURL(/[?&]flow=/);
    const flowFilter = page.getByRole("combobox", { name: "Flow" });
    expect((await flowFilter.boundingBox())?.height).toBeLessThanOrEqual(40);
    const statusFilter = page.getByRole("combobox", { name: "Status" });
    expect((await statusFilter.boundingBox())?.y).toBe((await flowFilter.boundingBox())?.y);
    await checkScreen(page, "runs");
    await page.goto(`/runs/${sent.body.runId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    await checkScreen(page, "run");
  });

  await test.step("account: change password", async () => {
    await page.goto("/account/password");
    await expectSkipLink(page);
    await checkScreen(page, "account-password");
  });

  expect(notFound, "requests answered 404").toEqual([]);
});
