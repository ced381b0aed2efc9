import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountingApi,
  BankTransaction,
  CreditNote,
  type ManualJournal,
  PurchaseOrder,
  type Quote,
  QuoteStatusCodes,
} from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { accountingApi, testClientSettings } from "../testing/oauth-test-client";
import { startTestSandbox } from "../testing/start-test-sandbox";
import { elementsOf } from "../testing/wire-document";
import { type XeroCallResult, xeroCall } from "../testing/xero-call";
import { msDateValue } from "./xero-dates";

// What the five documents share through document-routes.ts: Idempotency-Key, summarizeErrors,
// If-Modified-Since, tenants, scopes and the state file, each checked through HTTP for every one of them.

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

beforeAll(async () => {
  // Six checks of five documents make more calls than Xero's 60 a minute: the limits have tests of their own.
  sandbox = await startAccountingTestSandbox({ rateLimits: { perMinutePerTenant: null } });
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

type Call = Promise<XeroCallResult<unknown>>;

interface Resource {
  key: "BankTransactions" | "Quotes" | "PurchaseOrders" | "ManualJournals" | "CreditNotes";
  idField: string;
  /** A granular scope that reaches it beside accounting.transactions. */
  granularScope: string;
  valid: () => object;
  /** Invalid, yet with every field the spec requires, so an unsummarised answer still validates. */
  invalid: () => object;
  create: (api: AccountingApi, tenant: string, elements: object[], summarizeErrors?: boolean, key?: string) => Call;
  list: (api: AccountingApi, tenant: string, ifModifiedSince?: Date) => Call;
  get: (api: AccountingApi, tenant: string, id: string) => Call;
}

const contact = () => ({ name: `Shared ${randomUUID().slice(0, 8)}` });
const line = { description: "Widget", quantity: 1, unitAmount: 10, accountCode: "200" };

const RESOURCES: Resource[] = [
  {
    key: "BankTransactions",
    idField: "BankTransactionID",
    granularScope: "accounting.banktransactions",
    valid: () => ({
      type: BankTransaction.TypeEnum.RECEIVE,
      contact: contact(),
      bankAccount: { code: "090" },
      lineItems: [line],
    }),
    invalid: () => ({
      type: BankTransaction.TypeEnum.RECEIVE,
      contact: contact(),
      bankAccount: { code: "200" },
      lineItems: [line],
    }),
    create: (api, tenant, elements, summarize, key) =>
      xeroCall(
        "createBankTransactions",
        api.createBankTransactions(
          tenant,
          { bankTransactions: elements as BankTransaction[] },
          summarize,
          undefined,
          key,
        ),
      ),
    list: (api, tenant, since) => xeroCall("getBankTransactions", api.getBankTransactions(tenant, since)),
    get: (api, tenant, id) => xeroCall("getBankTransaction", api.getBankTransaction(tenant, id)),
  },
  {
    key: "Quotes",
    idField: "QuoteID",
    granularScope: "accounting.invoices",
    valid: () => ({ contact: contact(), lineItems: [line] }),
    invalid: () => ({ contact: contact(), lineItems: [line], status: QuoteStatusCodes.INVOICED }),
    create: (api, tenant, elements, summarize, key) =>
      xeroCall("createQuotes", api.createQuotes(tenant, { quotes: elements as Quote[] }, summarize, key)),
    list: (api, tenant, since) => xeroCall("getQuotes", api.getQuotes(tenant, since)),
    get: (api, tenant, id) => xeroCall("getQuote", api.getQuote(tenant, id)),
  },
  {
    key: "PurchaseOrders",
    idField: "PurchaseOrderID",
    granularScope: "accounting.invoices",
    valid: () => ({ contact: contact(), lineItems: [line] }),
    invalid: () => ({ contact: contact(), lineItems: [line], status: PurchaseOrder.StatusEnum.BILLED }),
    create: (api, tenant, elements, summarize, key) =>
      xeroCall(
        "createPurchaseOrders",
        api.createPurchaseOrders(tenant, { purchaseOrders: elements as PurchaseOrder[] }, summarize, key),
      ),
    list: (api, tenant, since) => xeroCall("getPurchaseOrders", api.getPurchaseOrders(tenant, since)),
    get: (api, tenant, id) => xeroCall("getPurchaseOrder", api.getPurchaseOrder(tenant, id)),
  },
  {
    key: "ManualJournals",
    idField: "ManualJournalID",
    granularScope: "accounting.manualjournals",
    valid: () => ({
      narration: "Shared",
      journalLines: [
        { lineAmount: 10, accountCode: "429" },
        { lineAmount: -10, accountCode: "970" },
      ],
    }),
    invalid: () => ({
      narration: "Shared",
      journalLines: [
        { lineAmount: 10, accountCode: "429" },
        { lineAmount: -9, accountCode: "970" },
      ],
    }),
    create: (api, tenant, elements, summarize, key) =>
      xeroCall(
        "createManualJournals",
        api.createManualJournals(tenant, { manualJournals: elements as ManualJournal[] }, summarize, key),
      ),
    list: (api, tenant, since) => xeroCall("getManualJournals", api.getManualJournals(tenant, since)),
    get: (api, tenant, id) => xeroCall("getManualJournal", api.getManualJournal(tenant, id)),
  },
  {
    key: "CreditNotes",
    idField: "CreditNoteID",
    granularScope: "accounting.invoices",
    valid: () => ({ type: CreditNote.TypeEnum.ACCRECCREDIT, contact: contact(), lineItems: [line] }),
    invalid: () => ({ type: CreditNote.TypeEnum.ACCRECCREDIT, contact: contact(), status: CreditNote.StatusEnum.PAID }),
    create: (api, tenant, elements, summarize, key) =>
      xeroCall(
        "createCreditNotes",
        api.createCreditNotes(tenant, { creditNotes: elements as CreditNote[] }, summarize, undefined, key),
      ),
    list: (api, tenant, since) => xeroCall("getCreditNotes", api.getCreditNotes(tenant, since)),
    get: (api, tenant, id) => xeroCall("getCreditNote", api.getCreditNote(tenant, id)),
  },
];

const savedOf = (resource: Resource, result: XeroCallResult<unknown>) =>
  elementsOf<Record<string, unknown>>(result.data, resource.key);

describe.each(RESOURCES)("$key", (resource) => {
  const count = async (tenant = nz) => savedOf(resource, await resource.list(xero, tenant)).length;

  it("creates once under an Idempotency-Key and answers a repeat with the first answer", async () => {
    const before = await count();
    const key = randomUUID();
    const body = resource.valid();
    const first = await resource.create(xero, nz, [body], undefined, key);
    const repeat = await resource.create(xero, nz, [body], undefined, key);
    expect(first.status, JSON.stringify(first.data)).toBe(200);
    expect(repeat.data).toEqual(first.data);
    expect(await count()).toBe(before + 1);
  });

  it("with summarizeErrors=false saves the valid element and echoes the invalid one with its errors", async () => {
    const before = await count();
    const result = await resource.create(xero, nz, [resource.valid(), resource.invalid()], false);
    expect(result.status).toBe(200);
    const [saved, failed] = savedOf(resource, result);
    expect(saved![resource.idField]).toEqual(expect.any(String));
    expect(failed).toMatchObject({
      StatusAttributeString: "ERROR",
      ValidationErrors: [{ Message: expect.any(String) }],
    });
    expect(await count()).toBe(before + 1);
  });

  it("saves nothing of a batch with an invalid element by default", async () => {
    const before = await count();
    const result = await resource.create(xero, nz, [resource.valid(), resource.invalid()]);
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ Type: "ValidationException", Elements: [expect.anything()] });
    expect(await count()).toBe(before);
  });

  it("lists only what changed strictly after If-Modified-Since", async () => {
    const created = await resource.create(xero, nz, [resource.valid(), resource.valid()]);
    const [first, second] = savedOf(resource, created) as Record<string, string>[];
    const since = new Date(msDateValue(first!.UpdatedDateUTC!));
    const ids = savedOf(resource, await resource.list(xero, nz, since)).map((found) => found[resource.idField]);
    expect(ids).toEqual([second![resource.idField]]);
  });

  it("keeps each organisation's documents to itself", async () => {
    const created = await resource.create(xero, nz, [resource.valid()]);
    const id = String(savedOf(resource, created)[0]![resource.idField]);
    expect((await resource.get(xero, nz, id)).status).toBe(200);
    expect((await resource.get(xero, sandbox.ukTenantId, id)).status).toBe(404);
    const ukIds = savedOf(resource, await resource.list(xero, sandbox.ukTenantId)).map(
      (found) => found[resource.idField],
    );
    expect(ukIds).not.toContain(id);
  });

  it("answers accounting.transactions and its granular scope, and refuses other scopes", async () => {
    const classic = await sandbox.accounting({ scopes: ["accounting.transactions"] });
    expect((await resource.create(classic, nz, [resource.valid()])).status).toBe(200);
    const readOnly = await sandbox.accounting({ scopes: ["accounting.transactions.read"] });
    expect((await resource.list(readOnly, nz)).status).toBe(200);
    expect((await resource.create(readOnly, nz, [resource.valid()])).status).toBe(403);
    const granular = await sandbox.accounting({ scopes: [resource.granularScope] });
    expect((await resource.create(granular, nz, [resource.valid()])).status).toBe(200);
    const contactsOnly = await sandbox.accounting({ scopes: ["accounting.contacts"] });
    expect((await resource.list(contactsOnly, nz)).status).toBe(403);
  });
});

describe("state file", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "xero-sandbox-documents-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps every document, and the quote, order and credit note numbering, across a restart", async () => {
    const stateFile = path.join(directory, "state.json");
    const first = await startTestSandbox({ stateFile });
    const tenantId = first.ledger.organisations()[0]!.tenantId;
    const { access_token: token } = await first.admin<{ access_token: string }>("POST", "/sandbox/admin/tokens", {
      tenantIds: [tenantId],
    });
    const before = accountingApi(token, testClientSettings(first));
    const saved = new Map<Resource, unknown>();
    for (const resource of RESOURCES) {
      const created = await resource.create(before, tenantId, [resource.valid()]);
      saved.set(resource, savedOf(resource, created)[0]);
    }
    await first.close();

    const second = await startTestSandbox({ stateFile, port: first.config.port });
    try {
      const after = accountingApi(token, testClientSettings(second));
      for (const resource of RESOURCES) {
        const record = saved.get(resource) as Record<string, string>;
        const read = await resource.get(after, tenantId, record[resource.idField]!);
        expect(savedOf(resource, read), resource.key).toEqual([record]);
      }
      const quote = await RESOURCES[1]!.create(after, tenantId, [RESOURCES[1]!.valid()]);
      expect(savedOf(RESOURCES[1]!, quote)[0]!.QuoteNumber).toBe("QU-0002");
      const order = await RESOURCES[2]!.create(after, tenantId, [RESOURCES[2]!.valid()]);
      expect(savedOf(RESOURCES[2]!, order)[0]!.PurchaseOrderNumber).toBe("PO-0002");
      const creditNote = await RESOURCES[4]!.create(after, tenantId, [RESOURCES[4]!.valid()]);
      expect(savedOf(RESOURCES[4]!, creditNote)[0]!.CreditNoteNumber).toBe("CN-0002");
    } finally {
      await second.close();
    }
  });
});
