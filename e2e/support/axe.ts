import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page, or on the part `selector` finds, and fails
 * listing each violation with the elements it concerns.
 */
export async function expectNoAxeViolations(page: Page, selector?: string) {
  // Colours are judged as they settle: a toast still fading in (sonner's opacity transition) reads
  // as pale text to axe. Finite animations only (a spinner never ends), and at most 5 s of waiting.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== "running" || animation.effect?.getComputedTiming().iterations === Infinity,
          ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (selector) builder.include(selector);
  const { violations } = await builder.analyze();
  const described = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(described).toEqual([]);
}
