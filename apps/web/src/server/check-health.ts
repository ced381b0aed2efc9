import { prisma } from "@ledgerflow/db";
import { liveWorkers, sharedRedis } from "@ledgerflow/queue";

export type ComponentStatus = "ok" | "down";
export interface HealthReport {
  status: "ok" | "degraded";
  db: ComponentStatus;
  redis: ComponentStatus;
  worker: ComponentStatus;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

async function probe(check: () => Promise<boolean>): Promise<ComponentStatus> {
  try {
    return (await withTimeout(check(), 2_000)) ? "ok" : "down";
  } catch {
    return "down";
  }
}

/** Checks PostgreSQL, Redis and the worker heartbeat in parallel. */
export async function checkHealth(): Promise<HealthReport> {
  const [db, redis, worker] = await Promise.all([
    probe(async () => {
      await prisma.$queryRaw`SELECT 1`;
      return true;
    }),
    probe(async () => (await sharedRedis().ping()) === "PONG"),
    probe(async () => (await liveWorkers(sharedRedis())).length > 0),
  ]);
  const status = db === "ok" && redis === "ok" && worker === "ok" ? "ok" : "degraded";
  return { status, db, redis, worker };
}
