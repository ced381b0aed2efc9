import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, failing any test in whose pages the browser refused something under our
 * Content-Security-Policy (apps/web/src/server/security-headers.ts): the policy must never block
 * what the app itself does. A test that provokes a violation on purpose reads and empties the list.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
