import type { AccountingRoute } from "./accounting-route";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { listRecords, parseListQuery } from "./list-query";
import { XeroNotFoundError } from "./xero-errors";

/** Read-only organisation settings: the chart of accounts, tax rates, currencies and the organisation itself. */
export const settingsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Accounts",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, query }) => {
      const { items } = listRecords(books.accounts, parseListQuery(query), {
        typeName: "Account",
        fields: [
          "AccountID",
          "Code",
          "Name",
          "Type",
          "Status",
          "Class",
          "TaxType",
          "EnablePaymentsToAccount",
          "SystemAccount",
        ],
      });
      return { status: 200, body: { Accounts: items } };
    },
  },
  {
    method: "GET",
    url: "/Accounts/:AccountID",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, params }) => {
      const account = books.accounts.find((candidate) => candidate.AccountID === params.AccountID!.toLowerCase());
      if (!account) throw new XeroNotFoundError();
      return { status: 200, body: { Accounts: [account] } };
    },
  },
  {
    method: "GET",
    url: "/TaxRates",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, query }) => {
      const { items } = listRecords(books.taxRates, parseListQuery(query), {
        typeName: "TaxRate",
        fields: ["Name", "TaxType", "Status", "EffectiveRate", "CanApplyToRevenue", "CanApplyToExpenses"],
      });
      return { status: 200, body: { TaxRates: items } };
    },
  },
  {
    method: "GET",
    url: "/TaxRates/:TaxType",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, params }) => {
      const taxRate = books.taxRates.find((candidate) => candidate.TaxType === params.TaxType);
      if (!taxRate) throw new XeroNotFoundError();
      return { status: 200, body: { TaxRates: [taxRate] } };
    },
  },
  {
    method: "GET",
    url: "/Currencies",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, query }) => {
      const { items } = listRecords(books.currencies, parseListQuery(query), {
        typeName: "Currency",
        fields: ["Code", "Description"],
      });
      return { status: 200, body: { Currencies: items } };
    },
  },
  {
    method: "GET",
    url: "/Organisation",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books }) => ({ status: 200, body: { Organisations: [books.organisation] } }),
  },
];
