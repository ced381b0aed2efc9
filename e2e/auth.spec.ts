import { randomBytes } from "node:crypto";
import { expect as baseExpect, type Page } from "@playwright/test";
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

test("an email can only be used for one account", async ({ page }) => {
  const email = `auth-twice-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  await page.context().clearCookies();

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "An account with this email already exists." })).toBeVisible();
});

test("sign up, sign out, then sign in again with the same password", async ({ page }) => {
  const email = `auth-cycle-${unique()}@example.com`;
  await signUpThroughForm(page, email);

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();

  await page.goto("/login");
  await signInThroughForm(page, email, "not the password at all");
  await expect(signInAlert(page)).toHaveText("That email and password don't match an account.");
  await signInThroughForm(page, email);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
});

test("repeated wrong passwords are stopped with a clear message", async ({ page }) => {
  const email = `auth-limit-${unique()}@example.com`;
  await signUpThroughForm(page, email);
  await page.context().clearCookies();

  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInThroughForm(page, email, `wrong password ${attempt}`);
    await expect(signInAlert(page)).toHaveText("That email and password don't match an account.");
  }
  // Even the right password is refused until the window passes.
  await signInThroughForm(page, email);
  await expect(signInAlert(page)).toContainText("Too many failed sign-in attempts. Try again in");
  await expect(page).toHaveURL(/\/login/);
});
