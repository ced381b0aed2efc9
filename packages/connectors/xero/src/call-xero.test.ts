import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callXero } from "./call-xero";
import { createInvoice } from "./catalog/create-invoice";
import { findContact } from "./catalog/find-contact";
import { upsertContact } from "./catalog/upsert-contact";
import { createAccountingApi } from "./client";
import { RECONNECT_MESSAGE } from "./errors/xero-step-error";
import { stepErrorOf } from "./testing/step-error-of";
import { runAction, startTestSandbox, type TestSandbox, uniqueName } from "./testing/test-sandbox";
import { createXeroClientContext } from "./xero-client-context";

// How every Xero failure reaches a step: through real HTTP answers of the sandbox (its fault
// injection, rate limits, token checks), read by the real xero-node and mapped by callXero.

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => sandbox.admin("accounting/faults", undefined, "DELETE"));
afterAll(() => sandbox?.close());

const findBayside = { matchBy: "Name", Name: "Bayside Club" };

describe("callXero", () => {
  it("returns Xero's body as sent, PascalCase keys and all", async () => {
    const client = await sandbox.client();
    const body = await callXero(client, (api) => api.getContacts(client.tenantId, undefined, 'Name=="Bayside Club"'), {
      operation: "find the contact",
    });
    expect(body.Contacts).toEqual([expect.objectContaining({ Name: "Bayside Club", ContactID: expect.any(String) })]);
  });

  it("turns a call slower than the timeout into a retryable step error", async () => {
    const client = await sandbox.client({ timeoutMs: 300 });
    await sandbox.admin("accounting/faults", { tenantId: sandbox.tenantId, latencyMs: 3_000 });
    const error = await stepErrorOf(runAction(findContact, client, findBayside));
    expect(error).toMatchObject({ code: "xero_timeout", retryable: true });
    expect(error.message).toContain("Xero did not answer within");
  });

  it("marks Xero's 5xx answers retryable", async () => {
    const client = await sandbox.client();
    await sandbox.admin("accounting/faults", { tenantId: sandbox.tenantId, failNext: 1, failStatus: 503 });
    const error = await stepErrorOf(runAction(findContact, client, findBayside));
    expect(error).toMatchObject({ code: "xero_unavailable", retryable: true, details: { status: 503 } });
    // The fault was for one call only: the retry succeeds.
    await expect(runAction(findContact, client, findBayside)).resolves.toMatchObject({ found: true });
  });

  it("asks the user to reconnect when Xero rejects the token", async () => {
    const client = await sandbox.client({ accessToken: "not-a-real-token" });
    const error = await stepErrorOf(runAction(findContact, client, findBayside));
    expect(error).toMatchObject({ code: "xero_unauthorized", retryable: false, message: RECONNECT_MESSAGE });
  });

  it("retries a 401 while the token-access layer is refreshing the tokens", async () => {
    const client = createXeroClientContext({
      accounting: createAccountingApi("expired-token", { apiUrl: sandbox.url }),
      tenantId: sandbox.tenantId,
      isTokenRefreshInProgress: async () => true,
    });
    const error = await stepErrorOf(runAction(findContact, client, findBayside));
    expect(error).toMatchObject({ code: "xero_token_refreshing", retryable: true });
  });

  it("explains a 403 from a token without the needed scope", async () => {
    const client = await sandbox.client({ scopes: ["accounting.contacts"] });
    const error = await stepErrorOf(
      runAction(createInvoice, client, {
        ContactName: "Bayside Club",
        LineItems: [{ Description: "Tea", Quantity: 1, UnitAmount: 4 }],
      }),
    );
    expect(error).toMatchObject({ code: "xero_forbidden", retryable: false });
    expect(error.message).toContain("Reconnect it on the Connections page, allowing the requested permissions");
  });

  it("reports a missing record as a permanent not-found", async () => {
    const client = await sandbox.client();
    const error = await stepErrorOf(
      callXero(client, (api) => api.getInvoice(client.tenantId, "00000000-0000-0000-0000-000000000000"), {
        operation: "read the invoice",
      }),
    );
    expect(error).toMatchObject({ code: "xero_not_found", retryable: false });
    expect(error.details).toMatchObject({
      status: 404,
      xeroMessage: "The resource you're looking for cannot be found",
    });
  });

  it("stops the call when the run is cancelled", async () => {
    const client = await sandbox.client();
    await sandbox.admin("accounting/faults", { tenantId: sandbox.tenantId, latencyMs: 3_000 });
    const controller = new AbortController();
    const pending = runAction(findContact, client, findBayside, { signal: controller.signal });
    controller.abort();
    const error = await stepErrorOf(pending);
    expect(error.code).toBe("aborted");
  });
});

describe("callXero under Xero's rate limits", () => {
  let limited: TestSandbox;

  beforeAll(async () => {
    limited = await startTestSandbox({ rateLimits: { perMinutePerTenant: 2 } });
  });
  afterAll(() => limited?.close());

  it("turns a 429 into a retryable step error that carries Retry-After", async () => {
    const client = await limited.client();
    await runAction(findContact, client, findBayside);
    await runAction(findContact, client, findBayside);
    const error = await stepErrorOf(runAction(upsertContact, client, { Name: uniqueName("Over the limit") }));
    expect(error).toMatchObject({
      code: "rate_limited",
      retryable: true,
      details: { status: 429, problem: "minute" },
    });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});
