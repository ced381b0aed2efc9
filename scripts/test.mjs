#!/usr/bin/env node
// `npm test`: every suite — vitest (unit + integration against real PostgreSQL, Redis and the Xero
// sandbox) and Playwright (browser tests against the built app) — in a database and Redis prefix
// of its own, so tests never touch `npm start`'s data. Ends with one line: `N passed, N failed`.
//
// Flags: --unit (vitest only), --e2e (Playwright only); anything after `--` goes to both runners
// (e.g. a file filter).
import { ensureDependencies, root } from "./lib/bootstrap.mjs";

const log = (message) => console.log(`\x1b[1mtest\x1b[0m │ ${message}`);
ensureDependencies(log);

const { spawnSync } = await import("node:child_process");
const { createHash } = await import("node:crypto");
const { existsSync, mkdirSync, readFileSync, rmSync } = await import("node:fs");
const path = await import("node:path");
const { ensurePostgres, ensureRedis } = await import("./lib/services.mjs");
const { spawnPrefixed, stopAll, waitForHttp, isPortFree } = await import("./lib/processes.mjs");
const { Redis } = await import("ioredis");

const args = process.argv.slice(2);
const passThrough = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
const outDir = path.join(root, "test-results", process.env.LEDGERFLOW_TEST_ID ?? "all");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

async function freePort(preferred) {
  let port = preferred;
  while (!(await isPortFree(port))) port++;
  return port;
}

// Isolation: a database and a Redis key prefix that `npm start` never uses.
delete process.env.DATABASE_URL;
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
// LEDGERFLOW_TEST_ID lets several test runs share one machine (each gets its own database and prefix).
const testId = process.env.LEDGERFLOW_TEST_ID ? `_${process.env.LEDGERFLOW_TEST_ID.replace(/\W/g, "")}` : "";
const postgres = await ensurePostgres(log, {
  database: `ledgerflow_test${testId}`,
  recreate: !process.env.TEST_DATABASE_URL,
});
const redis = await ensureRedis(log);
// Runs with different ids start their search for free ports at different places: two runs started
// at the same moment would otherwise both find 3100 free and clash.
const portOffset = testId ? (createHash("sha256").update(testId).digest()[0] % 50) * 4 : 0;
const webPort = await freePort(3100 + portOffset);
const sandboxPort = await freePort(4110 + portOffset);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const webUrl = `http://localhost:${webPort}`;

const env = {
  ...process.env,
  NODE_ENV: "test",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  REDIS_PREFIX: `lftest${testId}`,
  NEXTAUTH_URL: webUrl,
  NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef",
  VAULT_KEYS: "test1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  XERO_WEBHOOK_KEY: "test-xero-webhook-key",
  XERO_SANDBOX_WEBHOOK_KEY: "test-xero-webhook-key",
  // A path of its own, so the browser tests go through XERO_WEBHOOK_PATH; /api/xero/webhooks answers too.
  XERO_WEBHOOK_PATH: "/hooks/xero-test",
  XERO_CLIENT_ID: "ledgerflow-test",
  XERO_CLIENT_SECRET: "ledgerflow-test-secret",
  XERO_REDIRECT_URI: `${webUrl}/api/connections/xero/callback`,
  XERO_IDENTITY_URL: sandboxUrl,
  XERO_LOGIN_URL: sandboxUrl,
  XERO_API_URL: sandboxUrl,
  XERO_SANDBOX_PORT: String(sandboxPort),
  XERO_SANDBOX_ADMIN_SECRET: "test-admin-secret",
  LEDGERFLOW_TEST_WEB_URL: webUrl,
  LEDGERFLOW_TEST_SANDBOX_URL: sandboxUrl,
  // HTTP steps may reach the tests' own servers on 127.0.0.1; the refusal tests unset it for themselves.
  HTTP_ALLOW_PRIVATE_NETWORKS: "true",
};
env.XERO_SANDBOX_CLIENTS = JSON.stringify([
  { clientId: env.XERO_CLIENT_ID, clientSecret: env.XERO_CLIENT_SECRET, redirectUris: [env.XERO_REDIRECT_URI] },
]);

// A clean Redis namespace for this run.
{
  const client = new Redis(redis.url);
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `lftest${testId}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await client.del(...keys);
  } while (cursor !== "0");
  client.disconnect();
}

function run(command, commandArgs, what, extraEnv = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status})`);
}

const children = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

try {
  log("applying migrations to the test database…");
  run(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], "Migration");

  if (only !== "unit") {
    log("building the web app…");
    run("npx", ["turbo", "run", "build", "--filter=@ledgerflow/web", "--output-logs=errors-only"], "Build", {
      NODE_ENV: "production",
    });
  }

  log("starting the sandbox, web and worker for the suites…");
  const sandbox = spawnPrefixed("sandbox", "npm", ["run", "start", "-w", "@ledgerflow/xero-sandbox"], {
    cwd: root,
    env,
    quiet: true,
  });
  children.push(sandbox);
  await waitForHttp(`${sandboxUrl}/.well-known/openid-configuration`, { child: sandbox });
  const worker = spawnPrefixed("worker", "npm", ["run", "start", "-w", "@ledgerflow/worker"], {
    cwd: root,
    env,
    quiet: true,
  });
  children.push(worker);
  if (only !== "unit") {
    const web = spawnPrefixed("web", "npm", ["run", "start", "-w", "@ledgerflow/web"], {
      cwd: root,
      // The browser tests stand for many people: each test's browser sends its own client address
      // through "a proxy" on loopback (e2e/support/test.ts), so per-address limits such as 30 sign-ups
      // an hour apply per test, as they would per person, instead of to the whole suite.
      env: { ...env, NODE_ENV: "production", PORT: String(webPort), TRUSTED_PROXIES: "loopback" },
      quiet: true,
    });
    children.push(web);
    await waitForHttp(`${webUrl}/api/health`, { timeoutMs: 90_000, child: web });
  }

  if (only !== "e2e") {
    log("vitest: unit and integration suites");
    const file = path.join(outDir, "vitest.json");
    spawnSync(
      "npx",
      ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${file}`, ...passThrough],
      {
        cwd: root,
        env,
        stdio: "inherit",
      },
    );
    const report = readJson(file);
    if (!report) crashed = true;
    else {
      totals.passed += report.numPassedTests;
      // A file that fails to load has no failed tests of its own: count it once.
      const brokenFiles = report.testResults.filter(
        (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
      ).length;
      totals.failed += report.numFailedTests + brokenFiles;
      totals.skipped += report.numPendingTests + report.numTodoTests;
    }
  }

  if (only !== "unit") {
    log("playwright: browser suites");
    const file = path.join(outDir, "playwright.json");
    spawnSync("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts", ...passThrough], {
      cwd: root,
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      stdio: "inherit",
    });
    const report = readJson(file);
    if (!report) crashed = true;
    else {
      totals.passed += report.stats.expected;
      totals.failed += report.stats.unexpected + (report.errors?.length ?? 0);
      totals.skipped += report.stats.skipped;
      totals.passed += report.stats.flaky; // passed on retry; reported as flaky above
    }
  }
} catch (error) {
  console.error(`\x1b[31m${error.message}\x1b[0m`);
  for (const child of children) if (child.exitCode !== null) console.error(child.recentOutput());
  crashed = true;
} finally {
  await stopAll(children);
  await redis.stop();
  await postgres.stop();
}

if (crashed) totals.failed += 1;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
