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
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: false });
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

/** Sends SIGTERM to every child, then SIGKILL to those still alive after `graceMs`. */
export async function stopAll(children, graceMs = 10_000) {
  const alive = children.filter((c) => c && c.exitCode === null && c.signalCode === null);
  await Promise.all(
    alive.map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
