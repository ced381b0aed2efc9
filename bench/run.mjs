#!/usr/bin/env node
// `npm run bench`: Ledgerflow's benchmarks (issue #8) on a stack of their own — a fresh database
// (ledgerflow_bench), Redis prefix `lfbench`, a production build of the web app, the worker and
// the Xero sandbox — then a table and bench/results/latest.json plus a dated copy.
// `npm run bench -- --help` lists the scenarios and the settings that shorten them.
import { ensureDependencies } from "../scripts/lib/bootstrap.mjs";

const log = (message) => console.log(`\x1b[1mbench\x1b[0m │ ${message}`);
ensureDependencies(log);

const { parseOptions, usage } = await import("./lib/options.mjs");
let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${error.message}\n\n${usage()}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage());
  process.exit(0);
}

const { default: pg } = await import("pg");
const { Queue } = await import("bullmq");
const { Redis } = await import("ioredis");
const { startStack } = await import("./lib/stack.mjs");
const { loadDomain, seedConnections, seedUser } = await import("./lib/seed.mjs");
const { sampleRss } = await import("./lib/rss.mjs");
const { machine, printTable, TARGETS, writeResults } = await import("./lib/report.mjs");

const startedAt = new Date();
const { settings } = options;
// The limits scenario uses organisations of its own: the first one has spent its day's allowance
// (5,000 calls in our limiter's day window) in the other scenarios.
const tenants = options.scenarios.includes("limits") ? settings.limitTenants + 1 : 1;
let stack;
const results = { scenarios: {}, metrics: {} };
let failed = false;
try {
  stack = await startStack({ log, build: options.build, tenants });
  const domain = await loadDomain();
  const sql = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
  const runsQueue = new Queue("runs", {
    connection: new Redis(stack.env.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: `${stack.env.REDIS_PREFIX}:bull`,
  });
  const seeded = await seedUser(domain, `bench-${startedAt.getTime()}@example.test`);
  seeded.connections = await seedConnections(domain, stack, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    count: tenants,
  });
  const ctx = { settings, stack, domain, sql, seeded, log, runsQueue };
  const record = (name, outcome) => {
    results.scenarios[name] = outcome;
    Object.assign(results.metrics, outcome.metrics);
    log(`${name}: ${JSON.stringify(outcome.metrics)}`);
  };

  const scenarios = {
    ingest: () => import("./scenarios/ingest.mjs").then((m) => m.ingest(ctx)),
    e2e: () => import("./scenarios/e2e.mjs").then((m) => m.e2e(ctx)),
    overhead: () => import("./scenarios/overhead.mjs").then((m) => m.overhead(ctx)),
    ui: () => import("./scenarios/ui.mjs").then((m) => m.ui(ctx)),
    limits: () => import("./scenarios/limits.mjs").then((m) => m.limits(ctx)),
    "xero-events": () => import("./scenarios/xero-events.mjs").then((m) => m.xeroEvents(ctx)),
    "built-in": () => import("./scenarios/built-in.mjs").then((m) => m.builtIn(ctx)),
  };
  // A failed scenario is reported and the others still run.
  const runSelected = async (names) => {
    for (const name of names) {
      if (!options.scenarios.includes(name)) continue;
      try {
        record(name, await scenarios[name]());
      } catch (error) {
        failed = true;
        log(`\x1b[31m${name} failed: ${error.stack}\x1b[0m`);
      }
    }
  };
  const memory = options.scenarios.includes("memory")
    ? sampleRss(() => ({ web: stack.children.web?.pid, worker: stack.children.worker?.pid }))
    : null;
  await runSelected(["ingest", "e2e"]);
  if (memory) {
    const peaks = memory.stop();
    record("memory", {
      parameters: { during: "ingest and e2e", sampledEveryMs: 250, what: "VmRSS of the process and its children" },
      metrics: {
        web_rss_mb: peaks.web === null ? null : Math.round(peaks.web),
        worker_rss_mb: peaks.worker === null ? null : Math.round(peaks.worker),
        db_bytes_per_run: results.scenarios.e2e?.detail.db_bytes_per_run ?? null,
      },
      detail: { db: "growth of pg_total_relation_size(Run) + (StepRun) over the e2e scenario ÷ its runs" },
    });
  }
  await runSelected(["overhead", "ui", "xero-events", "built-in", "limits"]);
  await runsQueue.close();
  await sql.end();
  await domain.prisma.$disconnect();
} catch (error) {
  failed = true;
  console.error(`\x1b[31m${error.stack}\x1b[0m`);
  for (const child of Object.values(stack?.children ?? {})) {
    if (child?.exitCode !== null && child?.output) console.error(`${child.label}:\n${child.output()}`);
  }
} finally {
  await stack?.stop();
}

const finishedAt = new Date();
const report = {
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  minutes: Math.round((finishedAt - startedAt) / 600) / 100,
  scenariosRun: options.scenarios,
  defaultSettings: options.defaults,
  settings,
  machine: machine(),
  targets: TARGETS,
  ...results.metrics,
  scenarios: results.scenarios,
};
printTable(report);
const files = writeResults(report);
log(`wrote ${files.join(" and ")}`);
process.exit(failed ? 1 : 0);
