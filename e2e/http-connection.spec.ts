import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { prisma } from "@ledgerflow/db";
import { expect as baseExpect } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { addStep, screenshots, signUp, testStep, waitUntilSaved } from "./support/journey-helpers";
import { test } from "./support/test";

// An HTTP connection as a bookkeeper makes one: the CRM's API token typed once on the Connections
// page, never shown again, then chosen on an HTTP request step whose Test reaches the CRM (a local
// server of the test's own) with the token, which the page, the step and its result never show.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const unique = randomBytes(5).toString("hex");
const token = `crm_tok_${unique}`;
let crm: Server;
let crmUrl: string;
const seen: IncomingHttpHeaders[] = [];

test.beforeAll(async () => {
  crm = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ customers: 3 }));
  });
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/customers`;
});
test.afterAll(async () => {
  await new Promise((resolve) => crm?.close(resolve));
  await prisma.$disconnect();
});

test("add an HTTP connection with a bearer token, refuse a bad header, and send the token from a step's Test", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const email = `http-connection-${unique}@example.com`;
  await signUp(page, "Hana Http", email);
  await page.goto("/connections");
  const dialog = page.getByRole("dialog", { name: "Add an HTTP connection" });

  await test.step("a header name that is not one is refused on its field", async () => {
    await page.getByRole("button", { name: "+ Add an HTTP connection" }).first().click();
    await dialog.getByLabel("Name").fill("Shop API");
    await dialog.getByRole("combobox", { name: "Authorisation" }).click();
    await page.getByRole("option", { name: "API key in a header" }).click();
    await dialog.getByLabel("Header name").fill("X Api Key");
    await dialog.getByLabel("API key").fill("key_1");
    await dialog.getByRole("button", { name: "Save connection" }).click();
    await expect(dialog.getByText('"X Api Key" is not a header name (letters, digits and - only)')).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step("a bearer token is saved, listed by name, and never shown again", async () => {
    await page.getByRole("button", { name: "+ Add an HTTP connection" }).first().click();
    await dialog.getByLabel("Name").fill("CRM API");
    await expect(dialog.getByRole("combobox", { name: "Authorisation" })).toHaveText("Bearer token");
    await expect(dialog.getByLabel("Token")).toHaveAttribute("type", "password");
    await dialog.getByLabel("Token").fill(token);
    await screenshots(page, "http-connection-dialog", { desktop: 1440 });
    await dialog.getByRole("button", { name: "Save connection" }).click();
    await expect(page.getByText("“CRM API” is connected")).toBeVisible();
    const row = page.getByRole("list", { name: "Connections" }).getByRole("listitem", { name: "CRM API" });
    await expect(row).toContainText("HTTP · connected by Hana Http");
    await expect(row.getByRole("button", { name: "Reconnect" })).toHaveCount(0);
    await page.reload();
    expect(await page.content()).not.toContain(token);
    const stored = await prisma.connection.findFirstOrThrow({
      where: { name: "CRM API", workspace: { memberships: { some: { user: { email } } } } },
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    await expectNoAxeViolations(page);
    await screenshots(page, "http-connection-list", { desktop: 1440 });
  });

  await test.step("an HTTP step with the connection sends the token; a GET says it writes nothing", async () => {
    await page.getByRole("link", { name: "Flows" }).first().click();
    await page.getByRole("button", { name: "New flow" }).click();
    await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
    const panel = await addStep(page, "HTTP", "Send an HTTP request");
    await panel.getByRole("combobox", { name: "HTTP connection" }).click();
    await page.getByRole("option", { name: "CRM API" }).click();
    await panel.getByRole("textbox", { name: /^URL/ }).fill(crmUrl);
    await waitUntilSaved(page);
    await expect(panel.getByText("It writes nothing anywhere.")).toBeVisible();
    const result = await testStep(panel);
    await expect(result).toContainText('"customers": 3');
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${token}`);
    expect(await page.content()).not.toContain(token);
    await expectNoAxeViolations(page);
  });
});
