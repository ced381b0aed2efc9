import { randomBytes } from "node:crypto";
import { Prisma, prisma, type RunStatus } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { type Browser, expect as baseExpect, type Cookie, type Page } from "@playwright/test";
import { choose } from "./support/journey-helpers";
import { test } from "./support/test";

// Run history and run detail in the browser. The user signs up through the form; their runs are
// then written with Prisma, as the worker would have recorded them. Everything asserted is what the
// user sees.

const unique = randomBytes(5).toString("hex");
const password = "correct horse battery staple";
const xss = {
  img: `<img src=x onerror="window.__xss = 'img'">`,
  script: `<script>window.__xss = 'script'</script>`,
};

interface Seeded {
  /** The signed-up user's session cookies. */
  cookies: Cookie[];
  orders: { id: string; name: string };
  bills: { id: string; name: string };
  failedRunId: string;
  runningRunId: string;
  foreignRunId: string;
  total: number;
}

let seeded: Seeded;

// Every page is rendered on the server from the database; on a busy CI machine that takes seconds.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

/** Signs up through the form and returns the signed-in session with the new user's workspace. */
async function signUpThroughForm(browser: Browser, name: string) {
  const email = `runs-${name.toLowerCase()}-${unique}@example.com`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const cookies = await context.cookies();
  await context.close();
  const membership = await prisma.membership.findFirstOrThrow({
    where: { user: { email } },
    select: { user: { select: { id: true } }, workspace: { select: { id: true } } },
  });
  return { cookies, user: membership.user, workspace: membership.workspace };
}

function flowIn(workspaceId: string, name: string) {
  return prisma.flow.create({
    data: { workspaceId, name, draft: {}, webhookToken: `e2e-runs-${randomBytes(12).toString("hex")}` },
    select: { id: true, name: true },
  });
}

test.beforeAll(async ({ browser }) => {
  const { cookies, user, workspace } = await signUpThroughForm(browser, "Robin");
  const orders = await flowIn(workspace.id, "Order paid → invoice");
  const bills = await flowIn(workspace.id, "Supplier bills");
  const version = await prisma.flowVersion.create({
    data: { workspaceId: workspace.id, flowId: orders.id, number: 3, definition: {}, createdById: user.id },
  });
  await prisma.flow.update({ where: { id: orders.id }, data: { publishedVersionId: version.id, enabled: true } });

  // 29 finished runs over the past days, then a failed one with steps, then one still running (newest).
  const statuses: RunStatus[] = ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SKIPPED", "FAILED"];
  const now = Date.now();
  await prisma.run.createMany({
    data: Array.from({ length: 29 }, (_, index) => ({
      workspaceId: workspace.id,
      flowId: index % 3 === 0 ? bills.id : orders.id,
      flowVersionId: index % 3 === 0 ? null : version.id,
      status: statuses[index % statuses.length]!,
      source: index % 4 === 0 ? ("SCHEDULE" as const) : ("WEBHOOK" as const),
      trigger: { body: { orderId: 1000 + index } },
      createdAt: new Date(now - (index + 1) * 7 * 60 * 60 * 1000),
      startedAt: new Date(now - (index + 1) * 7 * 60 * 60 * 1000 + 200),
      durationMs: 800 + index * 150,
      attempts: 1,
    })),
  });
  const failed = await prisma.run.create({
    data: {
      workspaceId: workspace.id,
      flowId: orders.id,
      flowVersionId: version.id,
      status: "FAILED",
      source: "WEBHOOK",
      trigger: { body: { customer: xss.img, note: xss.script, email: "robin@example.com", total: 125.5 } },
      error: { message: "Step invoice failed", code: "step_failed" },
      attempts: 1,
      createdAt: new Date(now - 10 * 60 * 1000),
      startedAt: new Date(now - 10 * 60 * 1000 + 300),
      finishedAt: new Date(now - 10 * 60 * 1000 + 2700),
      durationMs: 2400,
    },
  });
  const step = { workspaceId: workspace.id, runId: failed.id, attempts: 1, startedAt: new Date(now - 9 * 60 * 1000) };
  await prisma.stepRun.createMany({
    data: [
      {
        ...step,
        stepKey: "find_contact",
        index: 0,
        action: "xero.findOrCreateContact",
        status: "SUCCEEDED",
        idempotencyKey: `${failed.id}:find_contact`,
        input: { Name: xss.img, EmailAddress: "robin@example.com" },
        output: { ContactID: "5b96e86b-418e-48e8-8949-308c14aec278", Name: xss.img, ContactStatus: "ACTIVE" },
        durationMs: 420,
      },
      {
        ...step,
        stepKey: "invoice",
        index: 1,
        action: "xero.createInvoice",
        status: "FAILED",
        attempts: 2,
        idempotencyKey: `${failed.id}:invoice`,
        input: { ContactID: "5b96e86b-418e-48e8-8949-308c14aec278", LineItems: [{ AccountCode: "999" }] },
        error: {
          message: "Account code '999' is not a valid code for this document.\nA Contact must be specified.",
          code: "xero_validation",
          retryable: false,
          field: "LineItems.AccountCode",
          details: {
            status: 400,
            validationErrors: [
              "Account code '999' is not a valid code for this document.",
              `A Contact must be specified. ${xss.script}`,
            ],
          },
        },
        durationMs: 980,
      },
    ],
  });
  const running = await prisma.run.create({
    data: {
      workspaceId: workspace.id,
      flowId: bills.id,
      status: "RUNNING",
      source: "MANUAL",
      trigger: { body: {} },
      createdAt: new Date(now - 60 * 1000),
      startedAt: new Date(now - 55 * 1000),
      // Held by an execution lease, as the worker executing it holds it (the suite's sweeper leaves it alone).
      leaseToken: 1,
      leaseExpiresAt: new Date(now + 60 * 60 * 1000),
    },
  });

  // Someone else's workspace: created directly, they never sign in here.
  const stranger = await createUserWithWorkspace({
    email: `runs-stranger-${unique}@example.com`,
    name: "Stranger",
    passwordHash: "unusable",
  });
  const theirFlow = await flowIn(stranger.workspace.id, "Someone else's flow");
  const foreign = await prisma.run.create({
    data: { workspaceId: stranger.workspace.id, flowId: theirFlow.id, status: "FAILED", source: "WEBHOOK" },
  });

  seeded = {
    cookies,
    orders,
    bills,
    failedRunId: failed.id,
    runningRunId: running.id,
    foreignRunId: foreign.id,
    total: 31,
  };
});

test.afterAll(async () => {
  await prisma.$disconnect();
});

test.beforeEach(async ({ page }) => {
  await page.context().addCookies(seeded.cookies);
  await page.addInitScript(() => {
    // Anything a payload manages to execute would set this.
    (window as unknown as { __xss?: string }).__xss = undefined;
  });
});

const rows = (page: Page) => page.getByRole("table", { name: "Runs, newest first" }).locator("tbody tr");

test("the history lists runs newest first, pages with Newer/Older, and charts the last 30 days", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/runs");
  await expect(page.getByRole("heading", { level: 1, name: "Run history" })).toBeVisible();
  await expect(page.getByText(`${seeded.total} runs in the last 30 days`)).toBeVisible();

  await expect(rows(page)).toHaveCount(25);
  const first = rows(page).first();
  await expect(first).toContainText("Running");
  await expect(first).toContainText("Supplier bills");
  await expect(first).toContainText("Manual");
  await expect(rows(page).nth(1)).toContainText("Failed");
  await expect(rows(page).nth(1)).toContainText("Order paid → invoice");
  await expect(rows(page).nth(1)).toContainText("2.4 s");
  // The step it failed at, by what it does and by its key.
  await expect(rows(page).nth(1)).toContainText("Failed at Create sales invoice (invoice)");
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath("runs-1280.png"), fullPage: true });

  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows(page)).toHaveCount(seeded.total - 25);
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();
  await page.getByRole("link", { name: "Newer" }).click();
  await expect(rows(page)).toHaveCount(25);
  await expect(rows(page).first()).toContainText("Supplier bills");

  // The chart's text alternative holds the same numbers.
  await page.getByText("Show as a table").click();
  const chartTable = page.getByRole("table", { name: "Runs per day by status" });
  await expect(chartTable.locator("tbody tr")).toHaveCount(30);
});

test("filters by status, flow and date live in the URL", async ({ page }) => {
  await page.goto("/runs");
  await choose(page, "Status", "Failed");
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(rows(page)).toHaveCount(6); // 5 among the 29, plus the one with steps
  for (const row of await rows(page).all()) await expect(row).toContainText("Failed");

  await choose(page, "Flow", "Supplier bills");
  await expect(page).toHaveURL(new RegExp(`flow=${seeded.bills.id}`));
  await expect(page.getByRole("heading", { level: 1, name: "Runs of Supplier bills" })).toBeVisible();
  for (const row of await rows(page).all()) await expect(row).toContainText("Supplier bills");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(rows(page)).toHaveCount(25);

  // A day with no runs: the empty state says so and offers the way back.
  await page.getByLabel("From").fill("2020-01-01");
  await page.getByLabel("To").fill("2020-01-02");
  await page.getByLabel("To").press("Enter");
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-02/);
  await expect(page.getByRole("heading", { name: "No runs match these filters" })).toBeVisible();

  // A malformed parameter is reported, not a crash.
  await page.goto("/runs?status=EXPLODED");
  await expect(page.getByText(`Ignored "status": use one of QUEUED`)).toBeVisible();
  await expect(rows(page)).toHaveCount(25);
});

test("the run detail shows the trigger, each step's output and Xero's validation messages", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/runs");
  await rows(page).nth(1).getByRole("link", { name: "Order paid → invoice" }).click();
  await expect(page).toHaveURL(`/runs/${seeded.failedRunId}`);

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Failed");
  await expect(page.getByRole("link", { name: "Order paid → invoice", exact: true })).toHaveAttribute(
    "href",
    `/flows/${seeded.orders.id}`,
  );
  await expect(page.getByText("v3", { exact: true })).toBeVisible();

  const findContact = page.getByRole("region", { name: "Step 1: find_contact" });
  await expect(findContact).toContainText("Succeeded");
  await expect(findContact).toContainText("5b96e86b-418e-48e8-8949-308c14aec278");
  await expect(findContact).toContainText("1 attempt");

  const invoice = page.getByRole("region", { name: "Step 2: invoice" });
  await expect(invoice).toContainText("2 attempts");
  const problems = invoice.getByRole("listitem");
  await expect(problems).toHaveText([
    "Account code '999' is not a valid code for this document.",
    `A Contact must be specified. ${xss.script}`,
  ]);
  await expect(invoice).toContainText("Field: Line items · Account");

  // The JSON viewer collapses and expands.
  const trigger = page.getByRole("button", { name: /"body"/ }).first();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await trigger.click();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await trigger.click();

  await page.screenshot({ path: test.info().outputPath("run-detail-1280.png"), fullPage: true });
});

test("payload markup is shown as text and never executes", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/runs/${seeded.failedRunId}`);
  await expect(page.getByText(JSON.stringify(xss.img)).first()).toBeVisible();
  await expect(page.getByText(JSON.stringify(xss.script)).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const scriptRan = await page.evaluate(() =>
    [...document.scripts].some((script) => script.textContent === "window.__xss = 'script'"),
  );
  expect(scriptRan).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a run of another workspace is not found", async ({ page }) => {
  const response = await page.goto(`/runs/${seeded.foreignRunId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Someone else's flow")).toHaveCount(0);
});

test("the history refreshes itself while a run is in progress", async ({ page }) => {
  await page.goto("/runs");
  await expect(page.getByText("Updating while runs are in progress")).toBeVisible();
  await expect(rows(page).first()).toContainText("Running");
  await prisma.run.update({
    where: { id: seeded.runningRunId },
    data: { status: "SUCCEEDED", finishedAt: new Date(), durationMs: 61_000 },
  });
  await expect(rows(page).first()).toContainText("Succeeded", { timeout: 15_000 });
  await expect(rows(page).first()).toContainText("1 min 1 s");
  await expect(page.getByText("Updating while runs are in progress")).toHaveCount(0);
});

test("Re-run of a failed run re-runs the steps that did not succeed as a new run", async ({ page }) => {
  await page.goto(`/runs/${seeded.failedRunId}`);
  await expect(async () => {
    await page.getByRole("button", { name: "Re-run" }).click();
    await page.getByRole("menuitem", { name: /Re-run the steps that did not succeed/ }).click({ timeout: 2_000 });
  }).toPass();
  await expect(page).not.toHaveURL(`/runs/${seeded.failedRunId}`);
  await expect(page).toHaveURL(/\/runs\/\w+$/);
  const replay = await prisma.run.findFirstOrThrow({
    where: { replayOfId: seeded.failedRunId },
    select: { id: true, source: true, resumeFromStepKey: true },
  });
  expect(replay).toMatchObject({ source: "REPLAY", resumeFromStepKey: "invoice" });
  await expect(page).toHaveURL(`/runs/${replay.id}`);
  await expect(page.getByText(`Replay of ${seeded.failedRunId} from step invoice`)).toBeVisible();
  // The step that had succeeded is carried over, not sent to Xero again.
  await expect(page.getByRole("region", { name: "Step 1: find_contact" })).toContainText(
    "Reused from the original run",
  );
});

test("phone width: the table keeps status, flow and start time readable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/runs");
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByRole("columnheader", { name: "Source" })).toBeHidden();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("runs-390.png"), fullPage: true });

  await page.goto(`/runs/${seeded.failedRunId}`);
  await expect(page.getByRole("region", { name: "Step 2: invoice" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("run-detail-390.png"), fullPage: true });
});

test.describe("in a viewer's own zone", () => {
  // Pruned at 03:17 UTC on 1 November, which is still 31 October in Los Angeles: the date shown is the viewer's.
  test.use({ locale: "en-GB", timezoneId: "America/Los_Angeles" });

  test("a run whose payload was pruned says so and offers no Re-run", async ({ page }) => {
    // Created here, last, so the counts the earlier tests assert are untouched.
    const pruned = await prisma.run.create({
      data: {
        workspaceId: (await prisma.flow.findUniqueOrThrow({ where: { id: seeded.orders.id } })).workspaceId,
        flowId: seeded.orders.id,
        status: "SUCCEEDED",
        source: "WEBHOOK",
        trigger: Prisma.DbNull,
        payloadPrunedAt: new Date("2026-11-01T03:17:00Z"),
        createdAt: new Date("2026-08-20T10:00:00Z"),
        finishedAt: new Date("2026-08-20T10:00:02Z"),
        durationMs: 2000,
      },
    });
    await page.goto(`/runs/${pruned.id}`);
    await expect(page.getByText("The payload was removed after the retention period, on 31 Oct 2026.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  });
});
