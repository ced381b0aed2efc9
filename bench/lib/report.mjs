// The results table, the machine description and the result files.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../../scripts/lib/bootstrap.mjs";
import { SCENARIOS } from "./options.mjs";

/** Issue #8's targets on a 2-core machine: [comparison, value]. */
export const TARGETS = {
  ingest_rps: [">=", 1500],
  ingest_p50_ms: null,
  ingest_p99_ms: ["<=", 50],
  ingest_lost: ["==", 0],
  e2e_runs_per_s: [">=", 200],
  e2e_p50_ms: null,
  e2e_p99_ms: null,
  e2e_duplicates: ["==", 0],
  overhead_ms_per_step: ["<=", 3],
  limit_429s: ["==", 0],
  limit_utilisation: [">=", 0.9],
  history_ttfb_ms: ["<=", 300],
  xero_events_per_s: null,
  xero_events_p99_ms: null,
  xero_events_lost: ["==", 0],
  fanout_p50_ms: null,
  fanout_p99_ms: null,
  builtin_filter_overhead_ms: ["<=", 0.2],
  builtin_formatter_overhead_ms: ["<=", 0.2],
  web_rss_mb: ["<=", 500],
  worker_rss_mb: ["<=", 300],
  db_bytes_per_run: null,
};

const SCENARIO_OF = {
  ingest: "ingest",
  e2e: "e2e",
  overhead: "overhead",
  limit: "limits",
  history: "ui",
  xero: "xero-events",
  fanout: "xero-events",
  builtin: "built-in",
  web: "memory",
  worker: "memory",
  db: "memory",
};

function meets(value, target) {
  if (!target || value === null || value === undefined) return "";
  const [op, goal] = target;
  const ok = op === ">=" ? value >= goal : op === "<=" ? value <= goal : value === goal;
  return ok ? "\x1b[32mmet\x1b[0m" : "\x1b[31mmissed\x1b[0m";
}

export function machine() {
  const cpus = os.cpus();
  let load = null;
  try {
    load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    // not Linux
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtEnd: load,
  };
}

export function printTable(report) {
  const rows = Object.keys(TARGETS)
    .filter((key) => key in report)
    .map((key) => {
      const target = TARGETS[key];
      return [key, String(report[key]), target ? `${target[0]} ${target[1]}` : "", meets(report[key], target)];
    });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), 8));
  const line = (cells) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join("  ");
  console.log("");
  console.log(line(["result", "value", "target", ""]));
  let scenario = null;
  for (const row of rows) {
    const name = SCENARIO_OF[row[0].split("_")[0]];
    if (name !== scenario) {
      scenario = name;
      const parameters = report.scenarios[name]?.parameters;
      console.log(`\x1b[1m${name}\x1b[0m ${parameters ? JSON.stringify(parameters) : ""}`);
    }
    console.log(`  ${line(row)}`);
  }
  const m = report.machine;
  console.log(
    `\nmachine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.node}; load average at the end ${m.loadAverageAtEnd}`,
  );
  if (!report.defaultSettings) console.log("settings differ from the issue's parameters (see settings in the JSON)");
}

export function writeResults(report) {
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.slice(0, 16).replace(":", "");
  const dated = path.join(
    dir,
    `${stamp}${report.defaultSettings && report.scenariosRun.length === SCENARIOS.length ? "" : "-partial"}.json`,
  );
  // Only a full run with the parameters replaces latest.json (the committed figures); a
  // partial or shortened run goes to latest-partial.json, both with a dated copy.
  const full = report.defaultSettings && report.scenariosRun.length === SCENARIOS.length;
  const latest = path.join(dir, full ? "latest.json" : "latest-partial.json");
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(dated, text);
  writeFileSync(latest, text);
  return [path.relative(root, latest), path.relative(root, dated)];
}
