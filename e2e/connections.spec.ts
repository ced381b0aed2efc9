import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { decryptConnectionTokens } from "@ledgerflow/vault";
import { expect as baseExpect, type Page } from "@playwright/test";
import { test } from "./support/test";

// Generous waits: each sign-up hashes a password with argon2id and CI machines can be busy.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 60_000, navigationTimeout: 90_000 });

// Connecting Xero organisations through the sandbox's consent page, as a person does.

const password = "correct horse battery staple";
const unique = () => randomBytes(5).toString("hex");

async function signUp(page: Page, label: string) {
  const email = `connections-${label}-${unique()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(`Casey ${label}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  return email;
}

/** On the sandbox's consent page: sign in as `xeroEmail`, tick `count` organisations, answer. */
async function answerConsent(
  page: Page,
  answer: { xeroEmail: string; count?: number; decision: "Allow access" | "Deny" },
) {
  await expect(page.getByText("Xero sandbox")).toBeVisible();
  if (answer.decision === "Allow access") {
    await page.getByLabel("Email address").fill(answer.xeroEmail);
    const organisations = page.getByRole("group", { name: "Organisations to connect" }).getByRole("checkbox");
    const total = await organisations.count();
    for (let index = 0; index < total; index++) {
      await organisations.nth(index).setChecked(index < (answer.count ?? 1));
    }
  }
  await page.getByRole("button", { name: answer.decision }).click();
}

const connectionRows = (page: Page) => page.getByRole("list", { name: "Connections" }).getByRole("listitem");

async function workspaceOf(email: string) {
  const membership = await prisma.membership.findFirstOrThrow({
    where: { user: { email } },
    select: { workspaceId: true },
  });
  return membership.workspaceId;
}

test.afterAll(async () => {
  await prisma.$disconnect();
});

test("connect two organisations, disconnect one, and the sandbox no longer lists it", async ({ page }) => {
  const email = await signUp(page, "two");
  await page.getByRole("link", { name: "Connections" }).first().click();
  await expect(page.getByRole("heading", { name: "No connections yet" })).toBeVisible();

  await page.getByRole("button", { name: "+ Add a Xero connection" }).first().click();
  await answerConsent(page, { xeroEmail: `xero-${unique()}@sandbox.test`, count: 2, decision: "Allow access" });

  await expect(page).toHaveURL(/\/connections\?connected=2$/);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toHaveText("Connected 2 Xero organisations.");
  await expect(connectionRows(page)).toHaveCount(2);
  for (const row of await connectionRows(page).all()) {
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(row).toContainText("connected by Casey two");
  }

  const workspaceId = await workspaceOf(email);
  const [first, second] = await prisma.connection.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
  if (!first || !second) throw new Error("expected two connections");
  // The page never carries a token.
  const { accessToken, refreshToken } = decryptConnectionTokens(second);
  const html = await page.content();
  expect(html).not.toContain(accessToken);
  expect(html).not.toContain(refreshToken);

  const firstRow = connectionRows(page).filter({ hasText: first.name });
  await firstRow.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByText(`Disconnected ${first.name}.`)).toBeVisible();
  await expect(firstRow.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(
    connectionRows(page).filter({ hasText: second.name }).getByText("Active", { exact: true }),
  ).toBeVisible();

  // The sandbox confirms: the consent's connections now hold only the second organisation.
  const response = await fetch(`${process.env.LEDGERFLOW_TEST_SANDBOX_URL}/connections`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const atXero = (await response.json()) as { tenantId: string }[];
  expect(atXero.map((connection) => connection.tenantId)).toEqual([second.externalId]);
  const erased = await prisma.connection.findUniqueOrThrow({ where: { id: first.id } });
  expect(erased).toMatchObject({ status: "REVOKED", accessTokenEnc: null, refreshTokenEnc: null });
});

test("denying consent comes back with a clear message and stores nothing", async ({ page }) => {
  const email = await signUp(page, "deny");
  await page.goto("/connections");
  await page.getByRole("button", { name: "+ Add a Xero connection" }).first().click();
  await answerConsent(page, { xeroEmail: "unused@sandbox.test", decision: "Deny" });

  await expect(page).toHaveURL(/\/connections\?denied=1$/);
  await expect(
    page.getByRole("alert").filter({ hasText: "Access wasn't allowed in Xero, so nothing was connected." }),
  ).toHaveText("Access wasn't allowed in Xero, so nothing was connected. Try again whenever you're ready.");
  expect(await prisma.connection.count({ where: { workspaceId: await workspaceOf(email) } })).toBe(0);
});

test("a connection that needs reconnecting shows Reconnect, and reconnecting restores Active", async ({ page }) => {
  const email = await signUp(page, "reconnect");
  const xeroEmail = `xero-${unique()}@sandbox.test`;
  await page.goto("/connections");
  await page.getByRole("button", { name: "+ Add a Xero connection" }).first().click();
  await answerConsent(page, { xeroEmail, count: 1, decision: "Allow access" });
  await expect(connectionRows(page)).toHaveCount(1);

  // What token access does when Xero refuses the refresh token (covered against the sandbox in
  // packages/connectors/xero/src/token-access): the connection is marked for reconnection.
  const workspaceId = await workspaceOf(email);
  await prisma.connection.updateMany({ where: { workspaceId }, data: { status: "NEEDS_REAUTH" } });
  await page.goto("/connections");
  await expect(connectionRows(page).getByText("Needs reconnect", { exact: true })).toBeVisible();

  await connectionRows(page).getByRole("button", { name: "Reconnect" }).click();
  await answerConsent(page, { xeroEmail, count: 1, decision: "Allow access" });

  await expect(connectionRows(page)).toHaveCount(1);
  await expect(connectionRows(page).getByText("Active", { exact: true })).toBeVisible();
  expect(await prisma.connection.count({ where: { workspaceId } })).toBe(1);
});

test("a callback with a forged state is refused with a 400 page and stores nothing", async ({ page }) => {
  const email = await signUp(page, "forged");
  const response = await page.goto("/api/connections/xero/callback?code=stolen-code&state=forged-state");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("expired, was already used, or belongs to another sign-in");
  expect(await prisma.connection.count({ where: { workspaceId: await workspaceOf(email) } })).toBe(0);
});

test("a viewer sees the connections but cannot add or remove them", async ({ page, browser }) => {
  const ownerEmail = await signUp(page, "owner");
  await page.goto("/connections");
  await page.getByRole("button", { name: "+ Add a Xero connection" }).first().click();
  await answerConsent(page, { xeroEmail: `xero-${unique()}@sandbox.test`, count: 1, decision: "Allow access" });
  await expect(connectionRows(page)).toHaveCount(1);
  const sharedWorkspaceId = await workspaceOf(ownerEmail);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewerEmail = await signUp(viewerPage, "viewer");
  const viewer = await prisma.user.findUniqueOrThrow({ where: { email: viewerEmail } });
  await prisma.membership.create({ data: { userId: viewer.id, workspaceId: sharedWorkspaceId, role: "VIEWER" } });
  // The workspace switcher's cookie: honoured because the viewer is a member.
  await viewerContext.addCookies([
    { name: "lf_workspace", value: sharedWorkspaceId, url: process.env.LEDGERFLOW_TEST_WEB_URL ?? page.url() },
  ]);

  await viewerPage.goto("/connections");
  await expect(connectionRows(viewerPage)).toHaveCount(1);
  await expect(viewerPage.getByRole("button", { name: "+ Add a Xero connection" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
  await expect(viewerPage.getByText("adding or removing them needs the editor role")).toBeVisible();
  await viewerContext.close();
});
