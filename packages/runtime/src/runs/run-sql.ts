import { randomBytes } from "node:crypto";
import { Prisma } from "@ledgerflow/db";

// Helpers for the few run statements written as plain SQL (webhook ingress and the worker's step
// bookkeeping): Prisma 6's query compiler costs CPU on every call, and these run for every event
// and every step (docs/PERFORMANCE.md).

/** A collision-resistant id in the shape of Prisma's cuid() (25 characters, "c" + time + randomness). */
export function newRecordId(now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`)
    .toString(36)
    .padStart(16, "0")
    .slice(-15);
  return `c${time}${random}`;
}

/** A JSON column value as text for `::jsonb`, or null for SQL NULL. */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * The database's "now" as Prisma stores timestamps (UTC without a zone). Leases and due times are
 * computed with it: the database's clock is the one clock every worker shares.
 */
export const SQL_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** `SQL_NOW` plus `ms` milliseconds. */
export function sqlNowPlus(ms: number): Prisma.Sql {
  return Prisma.sql`(${SQL_NOW} + ${Math.max(0, Math.round(ms))}::int * interval '1 millisecond')`;
}
