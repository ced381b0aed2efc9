// Bench settings: the parameters by default; flags (`--name=value`) or BENCH_* variables
// shorten them for quick iterations. `--quick` applies every short setting at once.

export const SCENARIOS = ["ingest", "e2e", "overhead", "limits", "ui", "xero-events", "built-in", "memory"];

/** name → [default, quick, environment variable, what it is] */
const SETTINGS = {
  ingestSeconds: [20, 5, "BENCH_INGEST_SECONDS", "ingest: seconds of load"],
  ingestConnections: [64, 64, "BENCH_INGEST_CONNECTIONS", "ingest: concurrent connections"],
  warmupSeconds: [3, 1, "BENCH_WARMUP_SECONDS", "ingest: warm-up seconds before measuring"],
  e2eRuns: [5000, 500, "BENCH_E2E_RUNS", "e2e: webhook runs of the 2-step flow"],
  e2eConnections: [64, 64, "BENCH_E2E_CONNECTIONS", "e2e: concurrent connections posting them"],
  overheadCalls: [200, 40, "BENCH_OVERHEAD_CALLS", "overhead: calls each way (direct, through the worker)"],
  limitTenants: [10, 3, "BENCH_LIMIT_TENANTS", "limits: organisations"],
  limitRuns: [150, 30, "BENCH_LIMIT_RUNS", "limits: runs per organisation"],
  limitWindowFactor: [5, 20, "BENCH_LIMIT_WINDOW_FACTOR", "limits: the 60 s window divided by this"],
  uiRuns: [100_000, 10_000, "BENCH_UI_RUNS", "ui: runs in the history"],
  uiRequests: [10, 5, "BENCH_UI_REQUESTS", "ui: measured page loads (after 3 warm-ups)"],
  builtInRuns: [500, 100, "BENCH_BUILT_IN_RUNS", "built-in: runs of a 20-step flow per round, each way"],
};

export function usage() {
  const lines = Object.entries(SETTINGS).map(
    ([name, [fallback, quick, variable, what]]) =>
      `  --${kebab(name)}=N  (${variable}; default ${fallback}, quick ${quick})  ${what}`,
  );
  return [
    "npm run bench [-- [scenario…] [--quick] [--no-build] [--name=value…]]",
    `scenarios: ${SCENARIOS.join(", ")} (default: all; memory samples during ingest and e2e, so it runs them)`,
    "  --quick      short settings for a quick iteration (BENCH_QUICK=1)",
    "  --no-build   reuse the last bench build of the web app (BENCH_NO_BUILD=1)",
    ...lines,
  ].join("\n");
}

function kebab(name) {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function parseOptions(argv, env = process.env) {
  const flags = new Map();
  const scenarios = [];
  for (const arg of argv) {
    if (arg === "--") continue;
    if (arg.startsWith("--")) {
      const [name, value] = arg.slice(2).split("=", 2);
      flags.set(name, value ?? "true");
    } else scenarios.push(arg);
  }
  if (flags.has("help")) return { help: true };
  const unknown = scenarios.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(", ")}; choose from ${SCENARIOS.join(", ")}`);
  const quick = flags.has("quick") || env.BENCH_QUICK === "1";
  const settings = {};
  for (const [name, [fallback, short, variable]] of Object.entries(SETTINGS)) {
    const given = flags.get(kebab(name)) ?? env[variable];
    const value = given === undefined ? (quick ? short : fallback) : Number(given);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${kebab(name)} must be a positive number`);
    settings[name] = value;
  }
  const chosen = new Set(scenarios.length ? scenarios : SCENARIOS);
  if (chosen.has("memory")) {
    chosen.add("ingest");
    chosen.add("e2e");
  }
  return {
    help: false,
    quick,
    build: !(flags.has("no-build") || env.BENCH_NO_BUILD === "1"),
    scenarios: SCENARIOS.filter((name) => chosen.has(name)),
    settings,
    defaults: Object.entries(SETTINGS).every(([name, [fallback]]) => settings[name] === fallback),
  };
}
