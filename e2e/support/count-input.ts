import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Keyboard, Locator, Page } from "@playwright/test";

// How much a person does in a scripted journey: every click and keystroke the test makes on their
// behalf, counted where Playwright takes them (Locator, Page and Keyboard methods). A `fill` counts
// one keystroke per character typed (what a person would press; clearing a field counts one), a
// `press` one, a check box that changes one click. Setup through other routes (HTTP, the database)
// is not a person's doing and is not counted.

export interface InputCount {
  clicks: number;
  keystrokes: number;
}

type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/**
 * Counts from now until `stop()` answers the totals. The prototypes of the page's own objects are
 * wrapped, so every locator (however it was made, in helpers too) is counted.
 */
export function countInput(page: Page) {
  const count: InputCount = { clicks: 0, keystrokes: 0 };
  const restores: (() => void)[] = [];
  const wrap = <T extends object>(target: T, name: string, add: (args: unknown[], self: T) => Promise<InputCount>) => {
    const prototype = Object.getPrototypeOf(target) as Record<string, Method>;
    const original = prototype[name];
    if (!original) throw new Error(`Playwright has no ${name} to count`);
    prototype[name] = async function (this: unknown, ...args: unknown[]) {
      const added = await add(args, this as T);
      const result = await original.apply(this, args);
      count.clicks += added.clicks;
      count.keystrokes += added.keystrokes;
      return result;
    };
    restores.push(() => {
      prototype[name] = original;
    });
  };
  const clicks = (clicks: number) => async () => ({ clicks, keystrokes: 0 });
  const keystrokes = (keystrokes: number) => async () => ({ clicks: 0, keystrokes });
  const typed = async ([, text]: unknown[]) => ({ clicks: 0, keystrokes: Math.max(1, String(text ?? "").length) });
  const filled = async ([text]: unknown[]) => ({ clicks: 0, keystrokes: Math.max(1, String(text ?? "").length) });
  const toggled = async ([checked]: unknown[], locator: Locator) => ({
    clicks: (await locator.isChecked()) === checked ? 0 : 1,
    keystrokes: 0,
  });

  const locator = page.locator("body");
  wrap(locator, "click", clicks(1));
  wrap(locator, "dblclick", clicks(2));
  wrap(locator, "fill", filled);
  wrap(locator, "press", keystrokes(1));
  wrap(locator, "pressSequentially", filled);
  wrap(locator, "setChecked", toggled);
  wrap(page, "click", clicks(1));
  wrap(page, "fill", typed);
  wrap(page, "press", keystrokes(1));
  wrap(page.keyboard as Keyboard, "press", keystrokes(1));
  wrap(page.keyboard as Keyboard, "type", filled);

  return {
    /** The totals; Playwright's own methods again. Safe to call twice (an afterEach after a failure). */
    stop(): InputCount {
      for (const restore of restores.splice(0)) restore();
      return { ...count };
    },
  };
}

/** "journey: N clicks, M keystrokes", printed and kept in test-results/<LEDGERFLOW_TEST_ID>/<name>.json. */
export function reportInput(name: string, count: InputCount) {
  const line = `${name}: ${count.clicks} clicks, ${count.keystrokes} keystrokes`;
  console.log(line);
  const folder = path.join("test-results", process.env.LEDGERFLOW_TEST_ID ?? "all");
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${name}-input.json`), `${JSON.stringify({ ...count, line }, null, 2)}\n`);
  return line;
}
