import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

/**
 * Deadlines for one pool's statements. PostgreSQL enforces statement_timeout and lock_timeout on
 * what it is running; the client-side query timeout covers a server that never answers at all (a
 * frozen host, packets dropped on an open connection), where no server-side timer can help. A
 * query that times out on the client destroys its connection (pg-pool drops a client released
 * with an error), so no later query queues behind the stuck one.
 */
export interface PoolDeadlines {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  queryTimeoutMs: number;
}

export function createPrismaClient(
  connectionString = process.env.DATABASE_URL,
  deadlines?: PoolDeadlines,
): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Bounds connecting (and waiting for a free connection): a server that accepts TCP but never
    // answers the startup handshake would otherwise hold the caller forever.
    connectionTimeoutMillis: deadlines ? Math.min(deadlines.queryTimeoutMs, 5_000) : 5_000,
    // The kernel notices a peer that vanished without closing (host down, cable pulled) on idle
    // pooled connections, instead of the next query finding out.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(deadlines
      ? {
          statement_timeout: deadlines.statementTimeoutMs,
          lock_timeout: deadlines.lockTimeoutMs,
          query_timeout: deadlines.queryTimeoutMs,
        }
      : {}),
  });
  return new PrismaClient({ adapter });
}

// One client per process, created on first use (so that importing this module — as `next build`
// does — never needs a database). Next.js dev reloads modules, so the instance lives on globalThis.
const holder = globalThis as unknown as { ledgerflowPrisma?: PrismaClient; ledgerflowIngressPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  holder.ledgerflowPrisma ??= createPrismaClient();
  return holder.ledgerflowPrisma;
}

/**
 * The webhook ingress's own client (docs/ARCHITECTURE.md §6): its own pool, so that its deadlines
 * apply to the ingress statements only and a slow page never holds a webhook's connection. A
 * PostgreSQL that hangs answers a webhook with 503 after about WEBHOOK_DB_TIMEOUT_MS, not never.
 */
export function getIngressPrisma(): PrismaClient {
  const configured = Number(process.env.WEBHOOK_DB_TIMEOUT_MS);
  const timeoutMs = configured > 0 ? configured : 2_000;
  holder.ledgerflowIngressPrisma ??= createPrismaClient(process.env.DATABASE_URL, {
    statementTimeoutMs: timeoutMs,
    lockTimeoutMs: timeoutMs,
    // A little after the server's own timeout, so that a slow statement ends with PostgreSQL's
    // cancellation (the connection stays usable) and only a silent server costs the connection.
    queryTimeoutMs: timeoutMs + 500,
  });
  return holder.ledgerflowIngressPrisma;
}

/** A client that is created on first use of any of its members. */
function lazyClient(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = get();
      const value = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

export const prisma: PrismaClient = lazyClient(getPrisma);
export const ingressPrisma: PrismaClient = lazyClient(getIngressPrisma);
