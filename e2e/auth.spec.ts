import { randomBytes } from "node:crypto";
import { type Browser, expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { test } from "./support/test";

// Generous waits: each sign-up hashes a password with argon2id and CI machines can be busy.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 60_000, navigationTimeout: 90_000 });

// Sign-up, sign-in, sign-out and the signed-out redirect, through the pages as a person uses them.

const unique = () => randomBytes(5).toString("hex");
const password = "correct horse battery staple";

async function signUpThroughForm(page: Page, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Sam Ledger");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
}

/** The sign-in form's own message (Next's route announcer is an alert too). */
const signInAlert = (page: Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

async function signInThroughForm(page: Page, email: string, withPassword = password) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(withPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signed-out visitors are sent to sign in, and come back where they were going", async ({ page }) => {
  const email = `auth-redirect-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  await page.context().clearCookies();

  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fconnections$/);
  await signInThroughForm(page, email);
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
});

test("signing in never leaves the site, however the callback URL is disguised", async ({ page, baseURL }) => {
  const email = `auth-open-redirect-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  // Were the app to send the browser there, it would land on this page (rather than fail offline).
  await page.route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ contentType: "text/html", body: "<title>Evil</title><h1>Phished</h1>" }),
  );
  for (const callbackUrl of [
    "/%5Cevil.example/x",
    "/%09/evil.example/x",
    "/.//evil.example/x",
    "//evil.example/x",
    "https://evil.example/x",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await signInThroughForm(page, email);
    await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL ?? "").origin);
  }
});

test("the API answers 401 to signed-out callers instead of redirecting", async ({ request }) => {
  const response = await request.get("/api/flows", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
});

test("sign-up shows each problem next to its field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Enter your name." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "at least 10 characters" })).toBeVisible();
  // The error is announced with its field.
  const describedBy = await page.getByLabel("Password").getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy?.split(" ")[0]}"]`)).toContainText("at least 10 characters");
  await expect(page).toHaveURL(/\/signup$/);
});

test("signing up with an email that has an account never says so: its password signs in, others are refused", async ({
  page,
}) => {
  const email = `auth-twice-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  await page.context().clearCookies();

  const signUpAs = async (name: string, withPassword: string) => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill(name);
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill(withPassword);
    await page.getByRole("button", { name: "Create account" }).click();
  };

  await signUpAs("Someone Else", "someone else's password");
  const refusal = page.getByRole("form", { name: "Create an account" }).getByRole("alert");
  await expect(refusal).toHaveText(
    "We couldn't create an account with these details. If you already have one, sign in with its password.",
  );
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup$/);

  // The owner, signing up again by mistake, lands in their own account.
  await signUpAs("Sam Again", password);
  await expect(page.getByRole("button", { name: "Account menu" }).first()).toBeVisible();
  await expect(page.getByText("Sam Ledger's workspace").first()).toBeVisible();
});

test("sign up, sign out, then sign in again with the same password", async ({ page }) => {
  const email = `auth-cycle-${unique()}@example.com`;
  await signUpThroughForm(page, email);

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();

  await page.goto("/login");
  await signInThroughForm(page, email, "not the password at all");
  await expect(signInAlert(page)).toHaveText("That email and password don't match an account.");
  await signInThroughForm(page, email);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
});

test("repeated wrong passwords stop unknown browsers, while the person's own browser still signs in", async ({
  page,
  browser,
}) => {
  const email = `auth-limit-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  const device = (await page.context().cookies()).find((cookie) => cookie.name === "lf_device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();

  // Someone else, from their own browser, tries to lock the account.
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  await attacker.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInThroughForm(attacker, email, `wrong password ${attempt}`);
    await expect(signInAlert(attacker)).toHaveText("That email and password don't match an account.");
  }
  // Even the right password is refused there until the window passes.
  await signInThroughForm(attacker, email);
  await expect(signInAlert(attacker)).toContainText("Too many failed sign-in attempts. Try again in");
  await expect(attacker).toHaveURL(/\/login/);
  await attackerContext.close();

  // The browser that signed in before is known: the right password works.
  await page.goto("/login");
  await signInThroughForm(page, email);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
});

/** Another browser (its own cookies) signed in to the account; it ends on the flows home. */
async function signInElsewhere(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await signInThroughForm(page, email);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error("signing in set no session cookie");
  return { context, page, session };
}

/** A fresh browser holding only an old session cookie, as someone who copied it would. */
async function browserWithCookie(browser: Browser, cookie: { name: string; value: string }, baseURL: string) {
  const context = await browser.newContext();
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL }]);
  return context;
}

test("sign out everywhere ends every session of the account, in every browser", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const email = `auth-everywhere-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  const elsewhere = await signInElsewhere(browser, email);

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  for (const [label, width, height] of [["desktop", 1440, 900] as const, ["phone", 390, 844] as const]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/artifacts/sign-out-everywhere-${label}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Ledgerflow" })).toBeVisible();

  // The other browser: its next action sends it to sign in, as for a signed-out visitor.
  await elsewhere.page.getByRole("button", { name: "New flow" }).click();
  await expect(elsewhere.page).toHaveURL(/\/login/);
  await expect(elsewhere.page.getByRole("heading", { name: "Sign in to Ledgerflow" })).toBeVisible();
  // Its old cookie, replayed, opens no page and reads as no session.
  const replayed = await browserWithCookie(browser, elsewhere.session, baseURL ?? "");
  const replayedPage = await replayed.newPage();
  await replayedPage.goto("/connections");
  await expect(replayedPage).toHaveURL(/\/login/);
  const sessionAnswer = await request.get("/api/auth/session", {
    headers: { cookie: `${elsewhere.session.name}=${elsewhere.session.value}` },
  });
  expect(await sessionAnswer.json()).toEqual({});
  await replayed.close();

  // Signing in again starts a new session that works.
  await signInThroughForm(elsewhere.page, email);
  await expect(elsewhere.page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await elsewhere.context.close();
});

test("changing the password keeps this browser signed in and signs out the others", async ({ page, browser }) => {
  const email = `auth-password-${unique()}@example.com`;
  const newPassword = "a brand new passphrase";
  await signUpThroughForm(page, email);
  const elsewhere = await signInElsewhere(browser, email);

  // From the account menu, by keyboard.
  await page.getByRole("button", { name: "Account menu" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Change password" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/password$/);
  const form = page.getByRole("form", { name: "Change password" });
  await expect(page.getByRole("heading", { name: "Change password", level: 1 })).toBeVisible();

  // Each problem next to its field.
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Enter your current password." })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "Use at least 10 characters" })).toBeVisible();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("That isn't your current password. Check it and try again.");
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  for (const [label, width, height] of [["desktop", 1440, 900] as const, ["phone", 390, 844] as const]) {
    await page.setViewportSize({ width, height });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `e2e/artifacts/change-password-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Typed and sent from the keyboard.
  await page.getByLabel("Current password").fill("");
  await page.getByLabel("Current password").focus();
  await page.keyboard.type(password);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("New password")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText(
    "Password changed. Every other browser was signed out; use the new password there.",
  );
  await page.goto("/connections");
  await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();

  // The other browser is signed out; only the new password signs it in.
  await elsewhere.page.goto("/connections");
  await expect(elsewhere.page).toHaveURL(/\/login/);
  await signInThroughForm(elsewhere.page, email);
  await expect(signInAlert(elsewhere.page)).toHaveText("That email and password don't match an account.");
  await signInThroughForm(elsewhere.page, email, newPassword);
  await expect(elsewhere.page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await elsewhere.context.close();
});
