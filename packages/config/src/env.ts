import { z } from "zod";

// Every variable the server processes read, validated once at start-up. `.env.example` documents
// each one; keep the two in step.
const url = z.string().url();
const milliseconds = z.coerce.number().int().positive();

/** The range names proxy-addr (Express's `trust proxy`) knows, besides IP addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ["loopback", "linklocal", "uniquelocal"] as const;
const proxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6(), z.enum(PROXY_RANGE_NAMES)]);

/**
 * Which peers' X-Forwarded-For the web server believes, as Express's `trust proxy` spells it: a
 * number is that many proxies in front of the server (hops); otherwise a comma-separated list of
 * addresses, CIDR ranges and range names. Empty: none, and the socket's address is the client.
 */
const trustedProxiesSchema = z
  .string()
  .trim()
  .transform((value, ctx): number | string[] => {
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value === "" ? [] : value.split(",").map((entry) => entry.trim());
    for (const entry of entries) {
      if (!proxyAddress.safeParse(entry).success) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not an IP address, a CIDR range (10.0.0.0/8), ${PROXY_RANGE_NAMES.join(", ")} or a hop count`,
        });
      }
    }
    return entries;
  });

export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: url.describe("PostgreSQL connection string"),
    REDIS_URL: url.default("redis://127.0.0.1:6379"),
    /** Prefix for every Redis key (queues, locks, limits, caches) so several installs can share one Redis. */
    REDIS_PREFIX: z.string().min(1).default("lf"),
    NEXTAUTH_URL: url.default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    /** The web server's port, and what it reads in front of Next.js (apps/web/src/web-server). */
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    TRUSTED_PROXIES: trustedProxiesSchema.prefault(""),
    /** Slow clients: a request's headers, and the whole request with its body, must arrive within these. */
    WEB_HEADERS_TIMEOUT_MS: milliseconds.default(10_000),
    WEB_REQUEST_TIMEOUT_MS: milliseconds.default(30_000),
    /** How long an idle keep-alive connection stays open; above a load balancer's own idle timeout. */
    WEB_KEEP_ALIVE_TIMEOUT_MS: milliseconds.default(5_000),
    VAULT_KEYS: z.string().optional(),
    WORKER_CONCURRENCY: z.coerce.number().int().positive().default(16),
    /**
     * Executions of a run that may end in a retryable step error (Xero's 5xx, timeouts) before it
     * fails. Xero's 429s, our limiter's deferrals and outages of our own stores spend none.
     */
    RUN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    /**
     * A run whose worker stops renewing for this long is taken over by another worker: the length of
     * the BullMQ job lock and of the run's execution lease in PostgreSQL.
     */
    WORKER_LOCK_MS: z.coerce.number().int().positive().default(30_000),
    /** Log one line per finished run (which worker ran it, and how it ended). */
    WORKER_LOG_RUNS: z
      .enum(["true", "false", "1", "0"])
      .default("false")
      .transform((value) => value === "true" || value === "1"),
    SWEEPER_INTERVAL_MS: z.coerce.number().int().positive().default(10_000),
    /** Unfinished, unleased runs due this long without a job get one from the sweeper (Redis was down or lost them). */
    SWEEPER_QUEUED_AFTER_MS: z.coerce.number().int().positive().default(30_000),
    RUN_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  })
  .refine((env) => env.WEB_HEADERS_TIMEOUT_MS <= env.WEB_REQUEST_TIMEOUT_MS, {
    // Node refuses a header bound longer than the whole request's.
    path: ["WEB_HEADERS_TIMEOUT_MS"],
    message: "must not be longer than WEB_REQUEST_TIMEOUT_MS",
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** Parses process.env once; throws one error listing every bad variable by name. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetServerEnvCache(): void {
  cached = undefined;
}
