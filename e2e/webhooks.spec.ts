import { createHmac, randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect, type Page } from "@playwright/test";
import { choose, screenshots, signUp } from "./support/journey-helpers";
import { test } from "./support/test";

// The webhook trigger as a bookkeeper sets it up for a shop or a payment provider: where the
// sender puts each event's id, its signature format and secret; then what a retried delivery
// looks like in the run history. Requests are real POSTs to the built app.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = randomBytes(5).toString("hex");

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function newFlow(page: Page, who: string) {
  await signUp(page, who, `webhooks-${who.toLowerCase()}-${unique}@example.com`);
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/, { timeout: 20_000 });
  const flowId = page.url().split("/").at(-1) ?? "";
  await page.getByRole("button", { name: "Trigger: Webhook" }).click();
  const panel = page.getByRole("dialog", { name: "Trigger" });
  const url = await panel.getByRole("textbox", { name: "Webhook URL" }).inputValue();
  return { flowId, panel, url };
}

const storedSettings = async (flowId: string) =>
  (await prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { webhookSettings: true } })).webhookSettings;

test("the trigger panel sets the event id and the sender's signature; the sender's requests are checked with them", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { flowId, panel, url } = await newFlow(page, "Sam");

  await test.step("the event id: Idempotency-Key by default, Stripe's body id, or a header of one's own", async () => {
    const form = panel.getByRole("form", { name: "Recognise repeated deliveries" });
    await expect(form.getByRole("combobox", { name: "Event id" })).toContainText("Idempotency-Key header");
    await choose(page, "Event id", "Stripe: the event's id (body field id)");
    await form.getByRole("button", { name: "Save event id" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved. It applies to the next request.");
    expect(await storedSettings(flowId)).toMatchObject({ eventId: { from: "body", path: "id" }, dedupWindowDays: 7 });

    await choose(page, "Event id", "Another header…");
    await form.getByRole("textbox", { name: "Header name" }).fill("not a header!");
    await form.getByRole("button", { name: "Save event id" }).click();
    await expect(form.getByRole("alert")).toContainText("Enter a header name such as Idempotency-Key");
    // By keyboard: fix the name, set the window, submit with Enter.
    await form.getByRole("textbox", { name: "Header name" }).fill("X-Request-Id");
    await form.getByRole("spinbutton", { name: "Remember event ids for (days)" }).fill("3");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toBeVisible();
    expect(await storedSettings(flowId)).toMatchObject({
      eventId: { from: "header", header: "x-request-id" },
      dedupWindowDays: 3,
    });
  });

  const body = JSON.stringify({ id: "evt_ui", type: "invoice.paid" });
  const stripeSecret = `whsec_${randomBytes(16).toString("hex")}`;
  await test.step("signatures: the Stripe format with the secret Stripe made", async () => {
    await panel.getByRole("switch", { name: "Require a signature" }).click();
    await expect(panel.getByRole("textbox", { name: "Signing secret" })).toHaveValue(/^whsec_/);
    await choose(page, "Signature format", "Stripe (Stripe-Signature)");
    await expect(panel.getByText("Stripe signs every event with the endpoint's signing secret")).toBeVisible();
    const secretForm = panel.getByRole("form", { name: "Use the sender's secret" });
    await secretForm.getByLabel("Or paste the sender's secret").fill("short");
    await secretForm.getByRole("button", { name: "Save secret" }).click();
    await expect(secretForm.getByRole("alert")).toContainText("at least 8 characters");
    await secretForm.getByLabel("Or paste the sender's secret").fill(stripeSecret);
    await secretForm.getByRole("button", { name: "Save secret" }).click();
    await expect(panel.getByRole("textbox", { name: "Signing secret" })).toHaveValue(stripeSecret);
    await screenshots(page, "editor-webhook-settings");
  });

  await test.step("a request signed as Stripe signs is accepted; unsigned or replayed ones are told why", async () => {
    const send = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const now = Math.floor(Date.now() / 1000);
    const sign = (t: number) => `t=${t},v1=${createHmac("sha256", stripeSecret).update(`${t}.${body}`).digest("hex")}`;
    const unsigned = await send({});
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: string }).error).toBe(
      "The Stripe-Signature header is missing or does not match the body.",
    );
    expect((await send({ "stripe-signature": sign(now - 600) })).status).toBe(401);
    // The flow is switched off: the event is kept as a skipped run.
    const accepted = await send({ "stripe-signature": sign(now), "x-request-id": "req-1" });
    expect(accepted.status).toBe(202);
    const again = await send({ "stripe-signature": sign(now), "x-request-id": "req-1" });
    const { status, duplicateOf } = (await again.json()) as { status: string; duplicateOf?: string };
    expect(status).toBe("DUPLICATE");
    expect(duplicateOf).toBe(((await accepted.json()) as { runId: string }).runId);
  });
});

test("a repeated delivery shows as a duplicate in the history and links to its first run", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { url } = await newFlow(page, "Dee");
  const send = () =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `order-${unique}` },
      body: JSON.stringify({ order: 1 }),
    });
  const first = (await (await send()).json()) as { runId: string };
  const repeat = (await (await send()).json()) as { runId: string; duplicateOf: string };
  expect(repeat.duplicateOf).toBe(first.runId);

  await page.goto("/runs");
  const rows = page.getByRole("table", { name: "Runs, newest first" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Duplicate");
  await expect(rows.first()).toContainText(`Duplicate of ${first.runId}`);
  await expect(rows.nth(1)).toContainText("Skipped");

  await choose(page, "Status", "Duplicate");
  await expect(page).toHaveURL(/status=DUPLICATE/);
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole("link", { name: first.runId }).click();
  await expect(page).toHaveURL(`/runs/${first.runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Skipped");

  await page.goto(`/runs/${repeat.runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Duplicate");
  const banner = page.getByRole("region", {
    name: "Duplicate: the sender delivered this event again, so this delivery ran nothing.",
  });
  await expect(banner).toContainText(`Event id order-${unique}.`);
  await expect(page.getByText("No step ran.")).toBeVisible();
  // Nothing to re-run here: the event's run is the first one.
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  await screenshots(page, "run-detail-duplicate");
  await page.getByRole("link", { name: "Open the run of its first delivery" }).click();
  await expect(page).toHaveURL(`/runs/${first.runId}`);
});

test("a NUL in the name or the sample is refused with the field named, not 'Something went wrong'", async ({
  page,
}) => {
  const { flowId, panel } = await newFlow(page, "Nia");
  await panel.getByLabel("Sample request body (JSON)").fill('{ "customer": { "name": "Ada\\u0000" } }');
  await expect(
    page.getByRole("status").filter({ hasText: "The trigger's sample, at body.customer.name" }),
  ).toContainText("contains a NUL character");
  await page.keyboard.press("Escape");

  const name = page.getByLabel("Flow name");
  await name.fill("Orders\u0000");
  await name.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "NUL" })).toContainText(
    "contains a NUL character (\\u0000), which cannot be stored: remove it",
  );
  const stored = await prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { name: true } });
  expect(stored.name).toBe("Untitled flow");
});
