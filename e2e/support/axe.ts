import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page, or on the part `selector` finds, and fails
 * listing each violation with the elements it concerns.
 */
export async function expectNoAxeViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (selector) builder.include(selector);
  const { violations } = await builder.analyze();
  const described = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(described).toEqual([]);
}
