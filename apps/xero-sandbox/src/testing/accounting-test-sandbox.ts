import { createAccountingApi } from "@ledgerflow/connector-xero";
import type { AccountingApi } from "xero-node";
import { loadSandboxConfig, type SandboxConfigOverrides } from "../config";
import { buildSandbox } from "../server";
import { loadXeroAccountingSpec } from "./xero-response-validator";

// A sandbox of a test file's own, in-process on a free port: its rate limits, faults and records
// belong to that file. Accounting calls go over HTTP through the real xero-node AccountingApi,
// made by the app's client factory, with tokens minted by the admin route.

const ADMIN_SECRET = "accounting-tests-admin-secret";

export interface AccountingTestSandbox {
  url: string;
  /** Demo Company (NZ): NZD, GST 15%. */
  nzTenantId: string;
  /** Harbour Books Ltd (UK): GBP, VAT 20%. */
  ukTenantId: string;
  /** A fresh access token for the given tenants (default: both) and scopes (default: all). */
  token(options?: { tenantIds?: string[]; scopes?: string[] }): Promise<string>;
  /** xero-node's AccountingApi on this sandbox with a fresh token (or the one given). */
  accounting(options?: { tenantIds?: string[]; scopes?: string[]; accessToken?: string }): Promise<AccountingApi>;
  /** Calls `/sandbox/admin/<path>` with the admin secret; throws on a non-2xx answer. */
  admin<T = unknown>(
    path: string,
    options?: { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown },
  ): Promise<T>;
  close(): Promise<void>;
}

export async function startAccountingTestSandbox(
  overrides: SandboxConfigOverrides = {},
): Promise<AccountingTestSandbox> {
  // Every response the tests receive is checked against the spec: load it while still in beforeAll.
  loadXeroAccountingSpec();
  const config = loadSandboxConfig({}, { port: 0, adminSecret: ADMIN_SECRET, stateFile: null, ...overrides });
  const sandbox = await buildSandbox(config);
  const url = await sandbox.app.listen({ port: 0, host: "127.0.0.1" });
  const tenantOf = (name: string) => {
    const organisation = sandbox.ledger.organisations().find((candidate) => candidate.name === name);
    if (!organisation) throw new Error(`The sandbox has no "${name}" organisation`);
    return organisation.tenantId;
  };

  async function admin<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
    const method = options.method ?? (options.body === undefined ? "GET" : "POST");
    const response = await fetch(`${url}/sandbox/admin/${path}`, {
      method,
      headers: {
        "x-sandbox-admin-secret": ADMIN_SECRET,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function token(options: { tenantIds?: string[]; scopes?: string[] } = {}): Promise<string> {
    const minted = await admin<{ access_token: string }>("tokens", { body: options });
    return minted.access_token;
  }

  return {
    url,
    nzTenantId: tenantOf("Demo Company (NZ)"),
    ukTenantId: tenantOf("Harbour Books Ltd (UK)"),
    token,
    admin,
    async accounting(options = {}) {
      return createAccountingApi(options.accessToken ?? (await token(options)), { apiUrl: url });
    },
    close: () => sandbox.app.close(),
  };
}
