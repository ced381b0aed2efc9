#!/usr/bin/env node
// `npm start`: the whole app on one machine — web, worker and (unless real Xero is configured) the
// Xero sandbox — with PostgreSQL and Redis found or started. See README.md › Quick start.
// `npm run dev` (--dev): the same, with the web app in Next.js's development mode instead of a build.
import { ensureDependencies, loadDotEnv, root } from "./lib/bootstrap.mjs";

const log = (message) => console.log(`\x1b[1mledgerflow\x1b[0m │ ${message}`);
ensureDependencies(log);
loadDotEnv();

const { spawnSync } = await import("node:child_process");
const path = await import("node:path");
const { ensurePostgres, ensureRedis } = await import("./lib/services.mjs");
const { assertPortFree, spawnPrefixed, stopAll, waitForHttp } = await import("./lib/processes.mjs");
const { ensureLocalSecrets } = await import("./lib/local-secrets.mjs");

const dev = process.argv.includes("--dev");
const webPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.XERO_SANDBOX_PORT ?? 4010);
const useSandbox = !process.env.XERO_CLIENT_ID;
const children = [];
const stops = [];
let shuttingDown = false;

async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping…");
  await stopAll(children);
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, env: process.env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status}); see the output above.`);
}

try {
  await assertPortFree(webPort, "web; set PORT to use another");
  if (useSandbox) await assertPortFree(sandboxPort, "Xero sandbox; set XERO_SANDBOX_PORT to use another");

  const postgres = await ensurePostgres(log);
  stops.push(postgres.stop);
  process.env.DATABASE_URL = postgres.url;
  const redis = await ensureRedis(log);
  stops.push(redis.stop);
  process.env.REDIS_URL = redis.url;

  ensureLocalSecrets(log);
  process.env.NEXTAUTH_URL ??= `http://localhost:${webPort}`;
  process.env.XERO_REDIRECT_URI ??= `${process.env.NEXTAUTH_URL}/api/connections/xero/callback`;
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (useSandbox) {
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    process.env.XERO_CLIENT_ID = "ledgerflow-local";
    process.env.XERO_CLIENT_SECRET = "ledgerflow-local-secret";
    process.env.XERO_IDENTITY_URL = sandboxUrl;
    process.env.XERO_LOGIN_URL = sandboxUrl;
    process.env.XERO_API_URL = sandboxUrl;
    process.env.XERO_SANDBOX_CLIENTS ??= JSON.stringify([
      {
        clientId: process.env.XERO_CLIENT_ID,
        clientSecret: process.env.XERO_CLIENT_SECRET,
        redirectUris: [process.env.XERO_REDIRECT_URI],
      },
    ]);
    process.env.XERO_SANDBOX_STATE_FILE ??= path.join(root, ".data", "xero-sandbox.json");
    // The sandbox signs its webhooks with the key the app checks them with (ensureLocalSecrets), and
    // sends them to the path the app answers them at, over loopback: it runs beside the web app.
    process.env.XERO_SANDBOX_WEBHOOK_KEY ||= process.env.XERO_WEBHOOK_KEY;
    process.env.XERO_SANDBOX_WEBHOOK_URL ||= `http://127.0.0.1:${webPort}${process.env.XERO_WEBHOOK_PATH || "/api/xero/webhooks"}`;
    log(`the sandbox sends its webhooks to ${process.env.XERO_SANDBOX_WEBHOOK_URL}`);
    log("XERO_CLIENT_ID is not set: using the local Xero sandbox");
    // A local demo: HTTP request steps may reach servers on this machine and its network. Against
    // real Xero (a server) the default stands: private addresses are refused.
    process.env.HTTP_ALLOW_PRIVATE_NETWORKS ??= "true";
  }

  log("applying database migrations…");
  run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], "Database migration");
  if (!dev) {
    log("building the web app (cached after the first run)…");
    run("npx", ["turbo", "run", "build", "--filter=@ledgerflow/web", "--output-logs=errors-only"], "Build");
  }

  if (useSandbox) {
    const sandbox = spawnPrefixed("sandbox", "npm", ["run", "start", "-w", "@ledgerflow/xero-sandbox"], {
      cwd: root,
      env: { ...process.env, XERO_SANDBOX_PORT: String(sandboxPort) },
    });
    children.push(sandbox);
    await waitForHttp(`http://127.0.0.1:${sandboxPort}/.well-known/openid-configuration`, { child: sandbox });
  }
  const worker = spawnPrefixed("worker", "npm", ["run", "start", "-w", "@ledgerflow/worker"], {
    cwd: root,
    env: process.env,
  });
  const web = spawnPrefixed("web", "npm", ["run", dev ? "dev" : "start", "-w", "@ledgerflow/web"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: dev ? "development" : "production", PORT: String(webPort) },
  });
  children.push(worker, web);
  for (const child of children) {
    child.on("exit", (code, signal) => {
      if (shuttingDown) return;
      log(`a process stopped unexpectedly (code ${code ?? signal}); stopping the rest`);
      void shutdown(1);
    });
  }
  await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, { timeoutMs: 90_000, child: web });
  log(`\x1b[32mLedgerflow is running at ${process.env.NEXTAUTH_URL}\x1b[0m  (Ctrl-C to stop)`);
} catch (error) {
  console.error(`\x1b[31m${error.message}\x1b[0m`);
  await shutdown(1);
}
