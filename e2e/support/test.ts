import { randomInt } from "node:crypto";
import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, failing any test in whose pages the browser refused something under our
 * Content-Security-Policy (apps/web/src/server/security-headers.ts): the policy must never block
 * what the app itself does. A test that provokes a violation on purpose reads and empties the list.
 */
export const test = base.extend<{ cspViolations: string[]; clientAddress: string }>({
  // Each test's browser is another person at another address, one of the 131,072 of 198.18.0.0/15
  // (RFC 2544's, never routed): the web app trusts loopback as a proxy in the browser suites
  // (scripts/test.mjs), so per-address limits (sign-ups, sign-ins) count each test apart.
  clientAddress: [
    async ({ context }, use) => {
      const n = randomInt(1, 2 ** 17 - 1);
      const address = `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
      await context.setExtraHTTPHeaders({ "x-forwarded-for": address });
      await use(address);
    },
    { auto: true },
  ],
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
