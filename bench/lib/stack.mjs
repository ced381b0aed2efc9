// The bench's own Ledgerflow: a fresh database, its own Redis prefix, its own production build of
// the web app (in apps/web/.next-bench, so builds elsewhere in the checkout never touch it), and
// its own sandbox, worker and web processes.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { root } from "../../scripts/lib/bootstrap.mjs";
import { isPortFree, waitForHttp } from "../../scripts/lib/processes.mjs";
import { ensureDatabase, ensurePostgres, ensureRedis } from "../../scripts/lib/services.mjs";

export const BENCH_DATABASE = "ledgerflow_bench";
export const BENCH_PREFIX = "lfbench";
export const ADMIN_SECRET = "bench-admin-secret";
const CLIENT = { clientId: "ledgerflow-bench", clientSecret: "ledgerflow-bench-secret" };

/**
 * Our limiter's settings outside the limits scenario: the sandbox's limits are off, and ours are
 * set so high that they never bite while the limiter itself still runs on every call, as it does
 * in production (its Redis round trip is part of the overhead measured).
 */
export const UNBOUNDED_LIMITS = {
  XERO_LIMIT_CONCURRENT: "100000",
  XERO_LIMIT_PER_MINUTE: "1000000000",
  XERO_LIMIT_PER_DAY: "1000000000",
  XERO_LIMIT_APP_PER_MINUTE: "1000000000",
  XERO_LIMIT_WINDOW_MS: "60000",
};

async function freePort(preferred) {
  let port = preferred;
  while (!(await isPortFree(port))) port++;
  return port;
}

function spawnQuiet(name, command, args, { cwd = root, env }) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      for (const line of chunk.split("\n")) if (line) lines.push(line);
      if (lines.length > 2000) lines.splice(0, lines.length - 2000);
    });
  }
  child.output = () => lines.join("\n");
  child.label = name;
  return child;
}

async function stopChild(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startStack({ log, build, tenants }) {
  const stops = [];
  const server = await ensurePostgres(log, { database: BENCH_DATABASE, recreate: true });
  stops.push(server.stop);
  // DATABASE_URL may name another database on the server: the bench always uses a fresh one of its own.
  const databaseUrl = await ensureDatabase(server.url, BENCH_DATABASE, { recreate: true });
  const redis = await ensureRedis(log);
  stops.push(redis.stop);
  await clearRedisPrefix(redis.url, BENCH_PREFIX);

  const webPort = await freePort(3300);
  const sandboxPort = await freePort(4310);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-bench",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: BENCH_PREFIX,
    NEXTAUTH_URL: webUrl,
    NEXTAUTH_SECRET: "bench-nextauth-secret-0123456789abcdef",
    VAULT_KEYS: "bench1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    XERO_CLIENT_ID: CLIENT.clientId,
    XERO_CLIENT_SECRET: CLIENT.clientSecret,
    XERO_REDIRECT_URI: `${webUrl}/api/connections/xero/callback`,
    XERO_IDENTITY_URL: sandboxUrl,
    XERO_LOGIN_URL: sandboxUrl,
    XERO_API_URL: sandboxUrl,
    XERO_SANDBOX_PORT: String(sandboxPort),
    // The xero-events scenario signs its deliveries with this key, as Xero would.
    XERO_WEBHOOK_KEY: "bench-xero-webhook-key",
    XERO_SANDBOX_ADMIN_SECRET: ADMIN_SECRET,
    XERO_SANDBOX_ORGANISATIONS: String(Math.max(2, tenants)),
    XERO_SANDBOX_CLIENTS: JSON.stringify([{ ...CLIENT, redirectUris: [`${webUrl}/api/connections/xero/callback`] }]),
    // Rate limits are off in the sandbox except in the limits scenario, which switches them on.
    XERO_SANDBOX_LIMIT_CONCURRENT: "off",
    XERO_SANDBOX_LIMIT_PER_MINUTE: "off",
    XERO_SANDBOX_LIMIT_PER_DAY: "off",
    XERO_SANDBOX_LIMIT_APP_PER_MINUTE: "off",
    ...UNBOUNDED_LIMITS,
  };
  delete env.XERO_SANDBOX_STATE_FILE;
  // The bench process itself (domain functions, Prisma, BullMQ) uses the same database and Redis.
  Object.assign(process.env, {
    DATABASE_URL: env.DATABASE_URL,
    REDIS_URL: env.REDIS_URL,
    REDIS_PREFIX: env.REDIS_PREFIX,
    VAULT_KEYS: env.VAULT_KEYS,
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    XERO_CLIENT_ID: env.XERO_CLIENT_ID,
    XERO_CLIENT_SECRET: env.XERO_CLIENT_SECRET,
    XERO_IDENTITY_URL: env.XERO_IDENTITY_URL,
    XERO_LOGIN_URL: env.XERO_LOGIN_URL,
    XERO_API_URL: env.XERO_API_URL,
  });

  const run = (command, args, what, extra = {}) => {
    const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status})`);
  };
  log(`migrating the fresh database ${BENCH_DATABASE}…`);
  run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], "Migration");
  if (build) {
    log("building the web app for production (next build via turbo, into apps/web/.next-bench)…");
    run("npx", ["turbo", "run", "build", "--filter=@ledgerflow/web", "--output-logs=errors-only"], "Build");
  }

  const children = { sandbox: null, worker: null, web: null };
  let workerEnv = {};
  const startWorker = async (extra = {}) => {
    workerEnv = extra;
    // The worker's own start script (its Node flags, e.g. the heap cap), run by node directly so the
    // process tree measured is the worker's and not npm's.
    const args = [...nodeFlags(process.env.BENCH_WORKER_NODE_FLAGS), ...startArgs("worker")];
    const worker = spawnQuiet("worker", process.execPath, args, {
      cwd: path.join(root, "apps", "worker"),
      env: { ...env, ...extra },
    });
    children.worker = worker;
    const deadline = Date.now() + 60_000;
    while (!worker.output().includes("consuming")) {
      if (worker.exitCode !== null) throw new Error(`The worker exited:\n${worker.output()}`);
      if (Date.now() > deadline) throw new Error(`The worker did not start:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return worker;
  };
  try {
    children.sandbox = spawnQuiet("sandbox", process.execPath, ["--import", "tsx", "apps/xero-sandbox/src/main.ts"], {
      env,
    });
    await waitForHttp(`${sandboxUrl}/.well-known/openid-configuration`, { child: children.sandbox });

    await startWorker();

    // The web app's own start script (its server in front of Next.js), run by node directly too.
    children.web = spawnQuiet(
      "web",
      process.execPath,
      [...nodeFlags(process.env.BENCH_WEB_NODE_FLAGS), ...startArgs("web")],
      {
        cwd: path.join(root, "apps", "web"),
        env: { ...env, PORT: String(webPort) },
      },
    );
    await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, { timeoutMs: 90_000, child: children.web });
  } catch (error) {
    // Whatever did start must not outlive a failed start.
    await Promise.all(Object.values(children).map((child) => stopChild(child)));
    throw error;
  }

  return {
    env,
    webUrl: `http://127.0.0.1:${webPort}`,
    sandboxUrl,
    databaseUrl,
    children,
    workerEnv: () => workerEnv,
    async restartWorker(extra) {
      await stopChild(children.worker);
      return startWorker(extra);
    },
    async admin(pathname, { method, body } = {}) {
      const response = await fetch(`${sandboxUrl}${pathname}`, {
        method: method ?? (body === undefined ? "GET" : "POST"),
        headers: {
          "x-sandbox-admin-secret": ADMIN_SECRET,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    /** One call to the sandbox's Accounting API as the organisation (a token minted by its admin API). */
    async xero(tenantId, method, pathname, body) {
      const { access_token } = await this.admin("/sandbox/admin/tokens", { body: { tenantIds: [tenantId] } });
      const response = await fetch(`${sandboxUrl}/api.xro/2.0${pathname}`, {
        method,
        headers: {
          authorization: `Bearer ${access_token}`,
          "xero-tenant-id": tenantId,
          "content-type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${pathname}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      await Promise.all(Object.values(children).map((child) => stopChild(child)));
      // The last lines of each process, for looking into a bad figure afterwards.
      const dir = path.join(root, "bench", "results", "logs");
      mkdirSync(dir, { recursive: true });
      for (const [name, child] of Object.entries(children)) {
        if (child) writeFileSync(path.join(dir, `${name}.log`), `${child.output()}\n`);
      }
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}

/** The arguments of `apps/<app>`'s start script, which must run node. */
function startArgs(app) {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "apps", app, "package.json"), "utf8"));
  const [command, ...args] = scripts.start.split(" ").filter(Boolean);
  if (command !== "node") throw new Error(`apps/${app}'s start script does not run node: ${scripts.start}`);
  return args;
}

/** BENCH_WEB_NODE_FLAGS / BENCH_WORKER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", for one process. */
function nodeFlags(flags) {
  return flags ? flags.split(" ").filter(Boolean) : [];
}

async function clearRedisPrefix(url, prefix) {
  const client = new Redis(url);
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await client.del(...keys);
  } while (cursor !== "0");
  client.disconnect();
}
