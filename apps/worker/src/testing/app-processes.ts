import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface AppProcess {
  child: ChildProcess;
  /** Everything it printed, for assertions and for failure messages. */
  output: () => string;
  /** Resolves when it has exited. */
  exited: Promise<number | null>;
}

/** Starts a worker process (`node --import tsx`, one process, so SIGKILL really kills it). */
export function spawnWorker(env: NodeJS.ProcessEnv): AppProcess {
  return spawnApp(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], repoRoot, env);
}

/**
 * Starts the built web app through its own server (`apps/web/src/web-server/main.ts`, as its start
 * script does); the suite builds it first (scripts/test.mjs).
 */
export function spawnWeb(env: NodeJS.ProcessEnv, port: number): AppProcess {
  return spawnApp(
    process.execPath,
    ["--import", "tsx/esm", "src/web-server/main.ts"],
    path.join(repoRoot, "apps", "web"),
    {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
    },
  );
}

function spawnApp(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Stops a process: SIGTERM (graceful), then SIGKILL if it is still there after `graceMs`. */
export async function stopApp(app: AppProcess, graceMs = 10_000): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  const timer = setTimeout(() => app.child.kill("SIGKILL"), graceMs);
  app.child.kill("SIGTERM");
  await app.exited;
  clearTimeout(timer);
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
