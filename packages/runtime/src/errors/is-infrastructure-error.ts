// Our own stores failing (PostgreSQL, Redis, the network to them) is not the run's fault: a run hit
// by it waits and tries again without spending the attempts meant for Xero's errors
// (docs/ARCHITECTURE.md §6, "Failures"). Everything else that is not a StepError is a bug.

/** Socket-level failures of a connection to one of our servers. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * SQLSTATE classes and codes that describe the server's condition, not the statement: connection
 * exceptions (08), insufficient resources (53), operator intervention such as a shutdown or a
 * statement timeout (57), system errors (58), and serialization failures/deadlocks (40001, 40P01),
 * which PostgreSQL itself says to retry.
 */
const RETRYABLE_SQLSTATE = /^(08|53|57|58)|^40001$|^40P01$|^55P03$/;

/** Driver-adapter error kinds (@prisma/adapter-pg) for the same conditions. */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
]);

/** Prisma's own codes for "could not reach / timed out / pool exhausted / write conflict". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);

/** Messages of errors that carry no code: node-postgres's pool and client, and ioredis. */
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /Connection is closed/i,
  /Client has encountered a connection error/i,
  /Query read timeout/i,
  /Reached the max retries per request limit/i,
  /Stream isn't writeable/i,
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

function describes(error: ErrorLike): boolean {
  if (error.name === "PrismaClientInitializationError" || error.name === "MaxRetriesPerRequestError") return true;
  const code = typeof error.code === "string" ? error.code : "";
  if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || RETRYABLE_SQLSTATE.test(code)) return true;
  const adapter = error.meta?.driverAdapterError?.cause;
  if (adapter) {
    if (typeof adapter.kind === "string" && ADAPTER_KINDS.has(adapter.kind)) return true;
    if (typeof adapter.code === "string" && RETRYABLE_SQLSTATE.test(adapter.code)) return true;
  }
  const message = typeof error.message === "string" ? error.message : "";
  return MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `error` (or an error in its cause chain) is PostgreSQL, Redis or the network to them failing. */
export function isInfrastructureError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (describes(current as ErrorLike)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}

/**
 * What an operator may read about such an error: its name, code and message, with any credentials
 * in a connection URL masked (drivers sometimes echo the URL they were given).
 */
export function describeInfrastructureError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current) && parts.length < 4) {
    seen.add(current);
    const { name, code, message } = current as ErrorLike;
    const adapter = (current as ErrorLike).meta?.driverAdapterError?.cause;
    const detail = [
      typeof name === "string" ? name : "Error",
      typeof code === "string" ? `(${code})` : "",
      adapter?.kind ? `[${String(adapter.kind)}${adapter.code ? ` ${String(adapter.code)}` : ""}]` : "",
    ].join("");
    parts.push(`${detail}: ${typeof message === "string" ? lastLine(message) : ""}`);
    current = (current as ErrorLike).cause;
  }
  return parts.join(" ← ").replace(/(\w+:\/\/)[^@\s/]+@/g, "$1***@");
}

// Prisma prefixes its messages with the invocation ("Invalid `prisma.$executeRaw()` invocation: …").
function lastLine(message: string): string {
  const lines = message.split("\n").filter((line) => line.trim() !== "");
  return (lines.at(-1) ?? "").trim().slice(0, 300);
}
