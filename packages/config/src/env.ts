import { z } from "zod";

// Every variable the server processes read, validated once at start-up. `.env.example` documents
// each one; keep the two in step.
const url = z.string().url();

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url.describe("PostgreSQL connection string"),
  REDIS_URL: url.default("redis://127.0.0.1:6379"),
  /** Prefix for every Redis key (queues, locks, limits, caches) so several installs can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default("lf"),
  NEXTAUTH_URL: url.default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  VAULT_KEYS: z.string().optional(),
  XERO_CLIENT_ID: z.string().optional(),
  XERO_CLIENT_SECRET: z.string().optional(),
  XERO_REDIRECT_URI: url.optional(),
  XERO_SCOPES: z
    .string()
    .default(
      "openid profile email offline_access accounting.invoices accounting.payments accounting.contacts accounting.settings",
    ),
  XERO_WEBHOOK_KEY: z.string().optional(),
  XERO_IDENTITY_URL: url.default("https://identity.xero.com"),
  XERO_LOGIN_URL: url.default("https://login.xero.com"),
  XERO_API_URL: url.default("https://api.xero.com"),
  XERO_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
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
  /** Xero's limits as our limiter enforces them (0 = off). Lower them only to test; Xero's are the defaults. */
  XERO_LIMIT_CONCURRENT: z.coerce.number().int().min(0).default(5),
  XERO_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  XERO_LIMIT_PER_DAY: z.coerce.number().int().min(0).default(5_000),
  XERO_LIMIT_APP_PER_MINUTE: z.coerce.number().int().min(0).default(10_000),
  XERO_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RUN_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
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
