import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Invoice } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { xeroCall } from "../testing/xero-call";
import { expectValidXeroResponse } from "../testing/xero-response-validator";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;
let uk: string;

interface Stats {
  tenants: Record<string, { calls: number; rateLimited: number; maxConcurrency: number; faultsInjected: number }>;
}

const LIMIT_HEADERS = ["x-daylimit-remaining", "x-minlimit-remaining", "x-appminlimit-remaining"];
const XERO_DEFAULT_LIMITS = {
  concurrentPerTenant: 5,
  perMinutePerTenant: 60,
  perDayPerTenant: 5000,
  appPerMinute: 10_000,
  minuteWindowMs: 60_000,
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  uk = sandbox.ukTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await sandbox.admin("accounting/rate-limits", {
    method: "PUT",
    body: { ...XERO_DEFAULT_LIMITS, enabled: true, resetWindows: true },
  });
  await sandbox.admin("accounting/faults", { method: "DELETE" });
  await sandbox.admin("accounting/stats", { method: "DELETE" });
});

describe("Authentication and authorisation", () => {
  it("answers a bad token with Xero's 401 problem body, still carrying the limit headers", async () => {
    const stranger = await sandbox.accounting({ accessToken: "not-a-token" });
    const result = await xeroCall("getOrganisations", stranger.getOrganisations(nz));
    expect(result.status).toBe(401);
    expect(result.data).toMatchObject({ Title: "Unauthorized", Status: 401, Detail: "AuthenticationUnsuccessful" });
    for (const header of LIMIT_HEADERS) expect(result.headers[header]).toBeDefined();
  });

  it("answers 403 for a tenant the token is not connected to", async () => {
    const ukOnly = await sandbox.accounting({ tenantIds: [uk] });
    expect((await xeroCall("getOrganisations", ukOnly.getOrganisations(uk))).status).toBe(200);
    const result = await xeroCall("getOrganisations", ukOnly.getOrganisations(nz));
    expect(result.status).toBe(403);
    expect(result.data).toMatchObject({ Title: "Forbidden", Status: 403 });
  });

  it("answers 403 when the token lacks the endpoint's scope, accepting classic or granular scopes", async () => {
    const contactsOnly = await sandbox.accounting({ scopes: ["accounting.contacts"] });
    expect((await xeroCall("getContacts", contactsOnly.getContacts(nz))).status).toBe(200);
    expect((await xeroCall("getInvoices", contactsOnly.getInvoices(nz))).status).toBe(403);
    expect((await xeroCall("getItems", contactsOnly.getItems(nz))).status).toBe(403);

    const invoicesRead = await sandbox.accounting({ scopes: ["accounting.invoices.read"] });
    expect((await xeroCall("getInvoices", invoicesRead.getInvoices(nz))).status).toBe(200);
    expect((await xeroCall("getPayments", invoicesRead.getPayments(nz))).status).toBe(403);
    const write = await xeroCall(
      "createInvoices",
      invoicesRead.createInvoices(nz, { invoices: [{ type: Invoice.TypeEnum.ACCREC, contact: { name: "Nope" } }] }),
    );
    expect(write.status).toBe(403);

    const classicRead = await sandbox.accounting({
      scopes: ["accounting.transactions.read", "accounting.settings.read"],
    });
    expect((await xeroCall("getPayments", classicRead.getPayments(nz))).status).toBe(200);
    expect((await xeroCall("getAccounts", classicRead.getAccounts(nz))).status).toBe(200);
    expect((await xeroCall("createItems", classicRead.createItems(nz, { items: [{ code: "NOPE" }] }))).status).toBe(
      403,
    );
  });

  it("answers unknown paths with the plain-text 404", async () => {
    const response = await fetch(`${sandbox.url}/api.xro/2.0/NoSuchThing`, {
      headers: { authorization: `Bearer ${await sandbox.token()}`, "xero-tenant-id": nz },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("The resource you're looking for cannot be found");
    for (const header of LIMIT_HEADERS) expect(response.headers.get(header)).not.toBeNull();
  });

  it("answers a malformed JSON body with Xero's Error shape", async () => {
    const response = await fetch(`${sandbox.url}/api.xro/2.0/Contacts`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${await sandbox.token()}`,
        "xero-tenant-id": nz,
        "content-type": "application/json",
      },
      body: '{"Contacts": [',
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expectValidXeroResponse("createContacts", 400, body);
    expect(body).toMatchObject({ Type: "PostDataInvalidException" });
  });
});

describe("Rate limits", () => {
  it("lets 5 calls run at once per tenant and refuses the 6th with one 429 (Retry-After, X-Rate-Limit-Problem: concurrent)", async () => {
    await sandbox.admin("accounting/faults", { body: { tenantId: nz, latencyMs: 400 } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => xeroCall("getOrganisations", xero.getOrganisations(nz))),
    );
    const limited = results.filter((result) => result.status === 429);
    expect(limited).toHaveLength(1);
    expect(results.filter((result) => result.status === 200)).toHaveLength(5);
    expect(limited[0]!.headers["x-rate-limit-problem"]).toBe("concurrent");
    expect(Number(limited[0]!.headers["retry-after"])).toBeGreaterThanOrEqual(1);

    const stats = await sandbox.admin<Stats>("accounting/stats");
    expect(stats.tenants[nz]).toMatchObject({ calls: 6, rateLimited: 1, maxConcurrency: 5 });
  });

  it("refuses the 61st call within a (shortened) minute with X-Rate-Limit-Problem: minute", async () => {
    await sandbox.admin("accounting/rate-limits", {
      method: "PUT",
      body: { minuteWindowMs: 30_000, resetWindows: true },
    });
    const remaining: number[] = [];
    for (let call = 0; call < 60; call++) {
      const result = await xeroCall("getCurrencies", xero.getCurrencies(uk));
      expect(result.status).toBe(200);
      remaining.push(Number(result.headers["x-minlimit-remaining"]));
    }
    expect(remaining[0]).toBe(59);
    expect(remaining[59]).toBe(0);
    const limited = await xeroCall("getCurrencies", xero.getCurrencies(uk));
    expect(limited.status).toBe(429);
    expect(limited.headers["x-rate-limit-problem"]).toBe("minute");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(30);
    // Other tenants have windows of their own.
    expect((await xeroCall("getCurrencies", xero.getCurrencies(nz))).status).toBe(200);
  });

  it("applies a tightened daily limit and the app-wide minute limit, and switches every limit off", async () => {
    await sandbox.admin("accounting/rate-limits", { method: "PUT", body: { perDayPerTenant: 2, resetWindows: true } });
    expect((await xeroCall("getCurrencies", xero.getCurrencies(nz))).headers["x-daylimit-remaining"]).toBe("1");
    await xeroCall("getCurrencies", xero.getCurrencies(nz));
    const daily = await xeroCall("getCurrencies", xero.getCurrencies(nz));
    expect(daily.status).toBe(429);
    expect(daily.headers["x-rate-limit-problem"]).toBe("day");

    await sandbox.admin("accounting/rate-limits", {
      method: "PUT",
      body: { perDayPerTenant: 5000, appPerMinute: 3, resetWindows: true },
    });
    await xeroCall("getCurrencies", xero.getCurrencies(nz));
    await xeroCall("getCurrencies", xero.getCurrencies(uk));
    await xeroCall("getCurrencies", xero.getCurrencies(nz));
    const app = await xeroCall("getCurrencies", xero.getCurrencies(uk));
    expect(app.status).toBe(429);
    expect(app.headers["x-rate-limit-problem"]).toBe("appminute");

    await sandbox.admin("accounting/rate-limits", { method: "PUT", body: { enabled: false } });
    expect((await xeroCall("getCurrencies", xero.getCurrencies(uk))).status).toBe(200);
  });
});

describe("Fault injection", () => {
  it("fails the next N calls of one tenant with the chosen status, then recovers", async () => {
    await sandbox.admin("accounting/faults", { body: { tenantId: nz, failNext: 2, failStatus: 503 } });
    expect((await xeroCall("getOrganisations", xero.getOrganisations(nz))).status).toBe(503);
    expect((await xeroCall("getOrganisations", xero.getOrganisations(uk))).status).toBe(200);
    expect((await xeroCall("getOrganisations", xero.getOrganisations(nz))).status).toBe(503);
    expect((await xeroCall("getOrganisations", xero.getOrganisations(nz))).status).toBe(200);

    await sandbox.admin("accounting/faults", { body: { tenantId: nz, failNext: 1, failStatus: 429 } });
    const injected429 = await xeroCall("getOrganisations", xero.getOrganisations(nz));
    expect(injected429.status).toBe(429);
    expect(injected429.headers).toMatchObject({ "retry-after": "1", "x-rate-limit-problem": "minute" });

    await sandbox.admin("accounting/faults", { body: { failNext: 1, failStatus: 500 } });
    expect((await xeroCall("getOrganisations", xero.getOrganisations(uk))).status).toBe(500);
    const stats = await sandbox.admin<Stats>("accounting/stats");
    expect(stats.tenants[nz]?.faultsInjected).toBe(3);
    expect(stats.tenants[uk]?.faultsInjected).toBe(1);
  });

  it("resets a tenant to its seed", async () => {
    const name = `Reset me ${randomUUID().slice(0, 6)}`;
    await xeroCall("createContacts", xero.createContacts(uk, { contacts: [{ name }] }));
    expect(
      (await xeroCall("getContacts", xero.getContacts(uk, undefined, `Name=="${name}"`))).body?.contacts,
    ).toHaveLength(1);
    await sandbox.admin(`tenants/${uk}/reset`, { body: {} });
    expect(
      (await xeroCall("getContacts", xero.getContacts(uk, undefined, `Name=="${name}"`))).body?.contacts,
    ).toHaveLength(0);
    expect((await xeroCall("getContacts", xero.getContacts(uk))).body?.contacts?.map((c) => c.name)).toEqual([
      "Abbey Press",
      "Millbrook Stationers",
    ]);
  });

  it("guards the admin routes with the admin secret", async () => {
    const response = await fetch(`${sandbox.url}/sandbox/admin/accounting/stats`);
    expect(response.status).toBe(401);
  });
});

describe("Idempotency-Key", () => {
  it("answers a repeated request with the first response and creates nothing new", async () => {
    const key = randomUUID();
    const name = `Idempotent ${key.slice(0, 8)}`;
    const first = await xeroCall("createContacts", xero.createContacts(nz, { contacts: [{ name }] }, undefined, key));
    const second = await xeroCall("createContacts", xero.createContacts(nz, { contacts: [{ name }] }, undefined, key));
    expect(first.status).toBe(200);
    expect(second.data).toEqual(first.data);
    const listed = await xeroCall("getContacts", xero.getContacts(nz, undefined, `Name=="${name}"`));
    expect(listed.body?.contacts).toHaveLength(1);
  });

  it("refuses the same key with a different request", async () => {
    const key = randomUUID();
    await xeroCall("createContacts", xero.createContacts(nz, { contacts: [{ name: `First ${key}` }] }, undefined, key));
    const reused = await xeroCall(
      "createContacts",
      xero.createContacts(nz, { contacts: [{ name: `Other ${key}` }] }, undefined, key),
    );
    expect(reused.status).toBe(400);
    expect(reused.data).toMatchObject({
      Message: "This Idempotency-Key has already been used with a different request.",
    });
    expect(
      (await xeroCall("getContacts", xero.getContacts(nz, undefined, `Name=="Other ${key}"`))).body?.contacts,
    ).toHaveLength(0);
  });

  it("lets a retry after an injected 503 go through under the same key, once", async () => {
    const key = randomUUID();
    const invoice = {
      invoices: [{ type: Invoice.TypeEnum.ACCREC, contact: { name: `Retry ${key.slice(0, 8)}` }, lineItems: [] }],
    };
    await sandbox.admin("accounting/faults", { body: { tenantId: nz, failNext: 1, failStatus: 503 } });
    expect((await xeroCall("createInvoices", xero.createInvoices(nz, invoice, undefined, undefined, key))).status).toBe(
      503,
    );
    const retried = await xeroCall("createInvoices", xero.createInvoices(nz, invoice, undefined, undefined, key));
    const again = await xeroCall("createInvoices", xero.createInvoices(nz, invoice, undefined, undefined, key));
    expect(retried.status).toBe(200);
    expect(again.data).toEqual(retried.data);
  });
});
