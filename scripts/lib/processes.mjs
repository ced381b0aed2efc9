// Child processes with prefixed logs, port checks and readiness polling.
import { spawn } from "node:child_process";
import net from "node:net";
import readline from "node:readline";

const colours = [36, 35, 33, 32, 34, 31];
let next = 0;

export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

export async function assertPortFree(port, what) {
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} (${what}) is already in use. Stop whatever uses it or choose another port.`);
  }
}

/** Spawns a child whose stdout/stderr lines are printed with a coloured `[name]` prefix. */
export function spawnPrefixed(name, command, args, { env, cwd, quiet = false } = {}) {
  const colour = colours[next++ % colours.length];
  const prefix = `\x1b[${colour}m${name.padEnd(8)}\x1b[0m│ `;
  // Its own process group: `npm run start` and `npx` leave their node child running when only the
  // wrapper is signalled, and a stray worker from an earlier run would take this run's jobs.
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const lines = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      if (lines.length > 200) lines.shift();
      if (!quiet) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.recentOutput = () => lines.join("\n");
  return child;
}

export async function waitForHttp(url, { timeoutMs = 60_000, ok = (r) => r.ok, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (ok(response)) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s (${last})`);
}

/** Signals a child's whole process group (see spawnPrefixed); false once nothing in it is left. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends SIGTERM to every child's process group, then SIGKILL to groups still alive after
 * `graceMs`: a worker finishing its in-flight steps gets the grace period, nothing outlives it.
 */
export async function stopAll(children, graceMs = 10_000) {
  const started = children.filter((c) => c?.pid);
  await Promise.all(
    started.map(async (child) => {
      const deadline = Date.now() + graceMs;
      if (!signalGroup(child, "SIGTERM")) return;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (!signalGroup(child, 0)) return;
      }
      signalGroup(child, "SIGKILL");
    }),
  );
}
