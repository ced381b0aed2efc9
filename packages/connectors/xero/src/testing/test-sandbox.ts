import { randomUUID } from "node:crypto";
import {
  type ActionContext,
  type CatalogAction,
  createCatalog,
  type FlowStep,
  prepareStep,
  recordFlowControl,
} from "@ledgerflow/engine";
import { buildSandbox, loadSandboxConfig, type SandboxConfigOverrides } from "@ledgerflow/xero-sandbox";
import { afterAll } from "vitest";
import { createAccountingApi } from "../client";
import type { XeroActionDefinition } from "../xero-action-definition";
import { createXeroClientContext, type XeroClientContext } from "../xero-client-context";

// The catalog's tests talk to a Xero sandbox of their own, started in-process on a free port, so
// rate limits, injected faults and created records belong to one test file. Calls go over HTTP
// through the real xero-node AccountingApi, made by the app's own client factory.
// `@ledgerflow/xero-sandbox` is a devDependency: only these tests use it, and the sandbox depends
// on nothing of ours (its tests bring their own OAuth client), so the two packages form no cycle.

const ADMIN_SECRET = "xero-catalog-tests-admin-secret";
const NZ_ORGANISATION = "Demo Company (NZ)";

export interface TestSandbox {
  url: string;
  /** The seeded NZ organisation's tenant id (GST 15%, NZD). */
  tenantId: string;
  /** A client for the tenant, authorised by a freshly minted token with the given scopes (default: all). */
  client(options?: { scopes?: string[]; timeoutMs?: number; accessToken?: string }): Promise<XeroClientContext>;
  /** Calls an admin route (`/sandbox/admin/...`) with the admin secret; POST when a body is given. */
  admin(path: string, body?: unknown, method?: "GET" | "POST" | "PUT" | "DELETE"): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTestSandbox(overrides: SandboxConfigOverrides = {}): Promise<TestSandbox> {
  const config = loadSandboxConfig({}, { port: 0, adminSecret: ADMIN_SECRET, stateFile: null, ...overrides });
  const sandbox = await buildSandbox(config);
  const url = await sandbox.app.listen({ port: 0, host: "127.0.0.1" });
  const organisation = sandbox.ledger.organisations().find((candidate) => candidate.name === NZ_ORGANISATION);
  if (!organisation) throw new Error(`The sandbox has no "${NZ_ORGANISATION}" organisation`);
  const { tenantId } = organisation;

  async function admin(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<unknown> {
    const response = await fetch(`${url}/sandbox/admin/${path}`, {
      method,
      headers: {
        "x-sandbox-admin-secret": ADMIN_SECRET,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }

  return {
    url,
    tenantId,
    admin,
    async client(options = {}) {
      const accessToken =
        options.accessToken ??
        ((await admin("tokens", { tenantIds: [tenantId], scopes: options.scopes })) as { access_token: string })
          .access_token;
      return createXeroClientContext({
        accounting: createAccountingApi(accessToken, { apiUrl: url }),
        tenantId,
        timeoutMs: options.timeoutMs,
      });
    },
    close: () => sandbox.app.close(),
  };
}

/**
 * The setup of a test file that needs only the NZ tenant's client (every scope): a sandbox of the
 * file's own, closed after its tests. Await it at the top of the file, where vitest registers the
 * `afterAll` on the file: `const client = await sandboxClientForFile();`
 */
export async function sandboxClientForFile(): Promise<XeroClientContext> {
  const sandbox = await startTestSandbox();
  afterAll(() => sandbox.close());
  return sandbox.client();
}

/**
 * Runs a catalog entry as the engine would: its input checked and parsed by the engine's own step
 * preparation (a bad value fails with the engine's StepError), with its own idempotency key unless
 * one is given. The input has no templates: it stands for one already resolved.
 */
export async function runAction<TInput, TOutput>(
  action: XeroActionDefinition<TInput, TOutput>,
  client: XeroClientContext,
  input: Record<string, unknown>,
  options: { idempotencyKey?: string; signal?: AbortSignal } = {},
): Promise<TOutput> {
  const catalog = createCatalog([action as CatalogAction]);
  const step: FlowStep = { key: "step", action: action.key, input: input as FlowStep["input"] };
  const prepared = prepareStep(catalog, step, { trigger: {}, steps: {} });
  if (!prepared.ok) throw prepared.error;
  const ctx: ActionContext<XeroClientContext> = {
    client,
    idempotencyKey: options.idempotencyKey ?? `test:${randomUUID()}`,
    signal: options.signal ?? new AbortController().signal,
    flow: recordFlowControl().controls,
    timeZone: "UTC",
  };
  return action.run(ctx, prepared.input as TInput);
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
