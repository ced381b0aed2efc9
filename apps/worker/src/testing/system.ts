import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { buildSandbox, loadSandboxConfig, type Sandbox, type SandboxConfigOverrides } from "@ledgerflow/xero-sandbox";
import { type AppProcess, eventually, spawnWeb, spawnWorker, stopApp } from "./app-processes";
import { freePort } from "./free-port";
import { createSystemDatabase } from "./system-database";
import { type TcpProxy, throughProxy } from "./tcp-proxy";

/**
 * A whole Ledgerflow for one test file: its own Xero sandbox (in this process, listening on a real
 * port), N worker processes and optionally the built web app, on a database of their own (copied
 * from a migrated template on the suite's PostgreSQL: system-database.ts) and a Redis prefix of
 * their own. This process's env is pointed at the same places, so domain functions called from the
 * test (publishFlow, replayRun…) act on the same database, queues and Xero.
 */
export interface SystemOptions {
  sandbox?: SandboxConfigOverrides;
  /** The port the sandbox listens on (e.g. to put a proxy in front of it); a free one by default. */
  sandboxPort?: number;
  workers?: number;
  web?: boolean;
  /** Extra env for the worker and web processes (e.g. XERO_LIMIT_* or WORKER_CONCURRENCY). */
  env?: Record<string, string>;
  /** Env for the worker and web processes only, not for this test process. */
  processEnv?: Record<string, string>;
  /**
   * The worker and web processes reach the database through this proxy (the test can cut or freeze
   * it), while the test itself keeps reading the database directly.
   */
  databaseProxy?: TcpProxy;
}

export interface System {
  sandbox: Sandbox;
  sandboxUrl: string;
  webUrl: string | null;
  env: NodeJS.ProcessEnv;
  workers: AppProcess[];
  web: AppProcess | null;
  startWorker(extraEnv?: Record<string, string>): Promise<AppProcess>;
  /** Starts the web app again on its port (after a test killed it); `web` is then the new process. */
  restartWeb(): Promise<AppProcess>;
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
  /** Removes the sandbox's injected Xero faults (latency, failures) for every organisation. */
  clearXeroFaults(): Promise<void>;
  stop(): Promise<void>;
}

export const SYSTEM_CLIENT = { clientId: "system-tests", clientSecret: "system-tests-secret" };
const ADMIN_SECRET = "system-tests-admin-secret";

export async function startSystem(options: SystemOptions = {}): Promise<System> {
  const database = await createSystemDatabase(process.env.DATABASE_URL ?? "");
  const sandboxPort = options.sandboxPort ?? (await freePort());
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const config = loadSandboxConfig(
    {},
    {
      port: sandboxPort,
      adminSecret: ADMIN_SECRET,
      stateFile: null,
      clients: [{ ...SYSTEM_CLIENT, redirectUris: ["http://localhost/unused"] }],
      ...options.sandbox,
    },
  );
  const sandbox = await buildSandbox(config);
  await sandbox.app.listen({ port: sandboxPort, host: "127.0.0.1" });

  const webPort = options.web ? await freePort() : null;
  const shared: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_PREFIX: `lftest_sys_${randomUUID().slice(0, 8)}`,
    XERO_API_URL: sandboxUrl,
    XERO_IDENTITY_URL: sandboxUrl,
    XERO_LOGIN_URL: sandboxUrl,
    XERO_CLIENT_ID: SYSTEM_CLIENT.clientId,
    XERO_CLIENT_SECRET: SYSTEM_CLIENT.clientSecret,
    XERO_SANDBOX_ADMIN_SECRET: ADMIN_SECRET,
    SWEEPER_INTERVAL_MS: "1000",
    SWEEPER_QUEUED_AFTER_MS: "3000",
    XERO_TIMEOUT_MS: "10000",
    ...(webPort ? { NEXTAUTH_URL: `http://localhost:${webPort}` } : {}),
    ...options.env,
  };
  Object.assign(process.env, shared);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(options.databaseProxy ? { DATABASE_URL: throughProxy(database.url, options.databaseProxy) } : {}),
    ...options.processEnv,
  };

  const workers: AppProcess[] = [];
  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    const worker = spawnWorker({ ...env, ...extraEnv });
    workers.push(worker);
    await eventually(async () => worker.output().includes("consuming") || worker.child.exitCode !== null, {
      timeoutMs: 90_000,
      what: "the worker to start",
    });
    if (worker.child.exitCode !== null) throw new Error(`The worker exited:\n${worker.output()}`);
    return worker;
  };
  for (let i = 0; i < (options.workers ?? 1); i++) await startWorker();

  let web: AppProcess | null = null;
  const startWeb = async (port: number) => {
    const started = spawnWeb(env, port);
    await eventually(
      async () => {
        if (started.child.exitCode !== null) throw new Error(`The web app exited:\n${started.output()}`);
        return fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => true,
          () => false,
        );
      },
      { timeoutMs: 60_000, what: "the web app to answer" },
    );
    return started;
  };
  if (webPort) web = await startWeb(webPort);

  return {
    sandbox,
    sandboxUrl,
    webUrl: webPort ? `http://127.0.0.1:${webPort}` : null,
    env,
    workers,
    get web() {
      return web;
    },
    startWorker,
    async restartWeb() {
      if (!webPort) throw new Error("This system has no web app");
      if (web) await stopApp(web, 0);
      web = await startWeb(webPort);
      return web;
    },
    async admin<T>(path: string, body?: unknown) {
      const response = await fetch(`${sandboxUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "x-sandbox-admin-secret": ADMIN_SECRET, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async clearXeroFaults() {
      const response = await fetch(`${sandboxUrl}/sandbox/admin/accounting/faults`, {
        method: "DELETE",
        headers: { "x-sandbox-admin-secret": ADMIN_SECRET },
      });
      if (!response.ok) throw new Error(`clearing faults: HTTP ${response.status}`);
    },
    async stop() {
      await Promise.all([...workers.map((worker) => stopApp(worker)), web ? stopApp(web) : undefined]);
      await sandbox.app.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** A random webhook token, as the app makes them. */
export function newWebhookToken(): string {
  return randomBytes(32).toString("base64url");
}

export type { FlowDefinition };
