import { expect } from "@playwright/test";
import { test } from "./support/test";

// The Content-Security-Policy at work in a real browser: markup that gets into a page cannot run
// script, while the app's own (nonced) scripts do. Every other spec checks that the policy never
// blocks the app itself (support/test.ts).

test("an injected inline event handler does not run, and the browser reports it", async ({ page, cspViolations }) => {
  await page.goto("/login");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img alt="" src="/nothing-here.png" onerror="document.title='injected'">`,
    );
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.title()).toBe("Sign in · Ledgerflow");
  expect(cspViolations.join("\n")).toContain("script-src");
  cspViolations.length = 0;
});
