import { defineConfig } from "@playwright/test";

// Browser tests run against the app that scripts/test.mjs built and started (LEDGERFLOW_TEST_WEB_URL),
// in Debian's Chromium: browser downloads are not possible on our machines.
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  // Each run on a shared machine (LEDGERFLOW_TEST_ID) keeps its traces apart: a run empties its folder first.
  outputDir: process.env.LEDGERFLOW_TEST_ID ? `artifacts/run-${process.env.LEDGERFLOW_TEST_ID}` : "artifacts",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.LEDGERFLOW_TEST_WEB_URL ?? "http://localhost:3000",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
