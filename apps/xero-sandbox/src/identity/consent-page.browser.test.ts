import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exchangeCode, listConnections, startAuthorization, testClientSettings } from "../testing/oauth-test-client";
import { startTestSandbox, TEST_CLIENT, type TestSandbox } from "../testing/start-test-sandbox";

// The consent page in a real browser: a person signs in, ticks organisations by their labels and
// clicks Allow or Deny; the app then completes the flow with the code the browser was sent back with.

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  return () => page.close();
});

/** Opens the consent page; resolves with the app callback URL the browser is redirected to. */
async function openConsent(url: URL): Promise<() => Promise<URL>> {
  let resolveCallback!: (url: URL) => void;
  const callback = new Promise<URL>((resolve) => {
    resolveCallback = resolve;
  });
  // The app is not running: answer its callback in the browser and keep the URL.
  await page.route(`${TEST_CLIENT.redirectUris[0]}**`, async (route) => {
    resolveCallback(new URL(route.request().url()));
    await route.fulfill({ status: 200, contentType: "text/plain", body: "back in the app" });
  });
  await page.goto(url.toString());
  return () => callback;
}

describe("consent page", () => {
  it("connects the organisations the user ticks", async () => {
    const settings = testClientSettings(sandbox);
    const { url, checks } = await startAuthorization(settings);
    const [first, second] = sandbox.ledger.organisations();
    const callback = await openConsent(url);

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(TEST_CLIENT.clientId);
    await page.getByLabel("Email address").fill("browser.user@example.com");
    await page.getByLabel(first!.name).setChecked(false);
    await page.getByLabel(second!.name).check();
    await page.getByRole("button", { name: "Allow access" }).click();

    const tokens = await exchangeCode(await callback(), checks, settings);
    const connections = await listConnections(tokens.accessToken, {}, settings);
    expect(connections.map((connection) => connection.tenantName)).toEqual([second!.name]);
  });

  it("sends the user back with access_denied on Deny", async () => {
    const { url, checks } = await startAuthorization(testClientSettings(sandbox));
    const callback = await openConsent(url);
    await page.getByRole("button", { name: "Deny" }).click();
    const returned = await callback();
    expect(returned.searchParams.get("error")).toBe("access_denied");
    expect(returned.searchParams.get("state")).toBe(checks.state);
  });

  it("asks again, with an alert, when no organisation is ticked", async () => {
    const { url } = await startAuthorization(testClientSettings(sandbox));
    await openConsent(url);
    for (const organisation of sandbox.ledger.organisations()) {
      await page.getByLabel(organisation.name).setChecked(false);
    }
    await page.getByRole("button", { name: "Allow access" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Tick at least one organisation");
  });
});
