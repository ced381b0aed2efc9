import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process, created on first use (so that importing this module — as `next build`
// does — never needs a database). Next.js dev reloads modules, so the instance lives on globalThis.
const holder = globalThis as unknown as { ledgerflowPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  holder.ledgerflowPrisma ??= createPrismaClient();
  return holder.ledgerflowPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
