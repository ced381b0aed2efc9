import type { AccountingApi } from "xero-node";
import type { SandboxConfigOverrides } from "../config";
import { accountingApi } from "./oauth-test-client";
import { type AdminMethod, startTestSandbox } from "./start-test-sandbox";
import { loadXeroAccountingSpec } from "./xero-response-validator";

// A test sandbox (a file's own, see start-test-sandbox.ts) seen from the Accounting API: calls go
// over HTTP through the real xero-node AccountingApi, with tokens minted by the admin route.

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
  admin<T = unknown>(path: string, options?: { method?: AdminMethod; body?: unknown }): Promise<T>;
  close(): Promise<void>;
}

export async function startAccountingTestSandbox(
  overrides: SandboxConfigOverrides = {},
): Promise<AccountingTestSandbox> {
  // Every response the tests receive is checked against the spec: load it while still in beforeAll.
  loadXeroAccountingSpec();
  const sandbox = await startTestSandbox(overrides);
  const tenantOf = (name: string) => {
    const organisation = sandbox.ledger.organisations().find((candidate) => candidate.name === name);
    if (!organisation) throw new Error(`The sandbox has no "${name}" organisation`);
    return organisation.tenantId;
  };

  function admin<T>(path: string, options: { method?: AdminMethod; body?: unknown } = {}): Promise<T> {
    const method = options.method ?? (options.body === undefined ? "GET" : "POST");
    return sandbox.admin<T>(method, `/sandbox/admin/${path}`, options.body);
  }

  async function token(options: { tenantIds?: string[]; scopes?: string[] } = {}): Promise<string> {
    const minted = await admin<{ access_token: string }>("tokens", { body: options });
    return minted.access_token;
  }

  return {
    url: sandbox.url,
    nzTenantId: tenantOf("Demo Company (NZ)"),
    ukTenantId: tenantOf("Harbour Books Ltd (UK)"),
    token,
    admin,
    async accounting(options = {}) {
      return accountingApi(options.accessToken ?? (await token(options)), sandbox);
    },
    close: () => sandbox.close(),
  };
}
