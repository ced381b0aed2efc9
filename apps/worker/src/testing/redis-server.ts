import { type ChildProcess, spawn } from "node:child_process";
import { eventually } from "./app-processes";
import { freePort } from "./free-port";

/**
 * A redis-server of the test's own (no persistence), so that the test can kill it and start it again
 * empty — what a Redis without persistence does on restart — without touching the suites' Redis.
 */
export interface TestRedis {
  url: string;
  start(): Promise<void>;
  /** SIGKILL: everything in memory is gone. */
  kill(): Promise<void>;
}

export async function createTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        {
          stdio: "ignore",
        },
      );
      await eventually(
        async () =>
          new Promise<boolean>((resolve) => {
            const probe = spawn("redis-cli", ["-p", String(port), "ping"], { stdio: "ignore" });
            probe.once("exit", (code) => resolve(code === 0));
          }),
        { what: "redis-server to answer" },
      );
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise((resolve) => {
        running.once("exit", resolve);
        running.kill("SIGKILL");
      });
    },
  };
}
