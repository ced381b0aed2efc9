import { expect } from "@playwright/test";
import { test } from "./support/test";

test("the landing page explains the product and offers sign-up", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Ledgerflow");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Automate your bookkeeping in Xero, without writing code.",
  );
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup");
  await expect(page.getByRole("region", { name: "Features" }).getByRole("article")).toHaveCount(3);
});

test("health reports every component ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok", redis: "ok", worker: "ok" });
});
