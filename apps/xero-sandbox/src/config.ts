import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

// Everything the sandbox can be told, read once from `XERO_SANDBOX_*` variables. Defaults are
// Xero's own numbers, so an unconfigured sandbox behaves like production Xero; tests and benches
// shorten lifetimes and windows through the same variables (or `loadSandboxConfig` overrides).

const DEFAULT_CLIENT = {
  clientId: "ledgerflow-local",
  clientSecret: "ledgerflow-local-secret",
  redirectUris: ["http://localhost:3000/api/connections/xero/callback"],
};

export const sandboxClientSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.string().url()).min(1),
});

export type SandboxClient = z.infer<typeof sandboxClientSchema>;

const seconds = z.coerce.number().int().positive();

/** A rate limit: a positive number, or 0 / "off" to switch it off (null), as the app's limiter reads 0. */
const limit = (fallback: number) =>
  z
    .union([z.literal("off"), z.coerce.number().int().min(0)])
    .default(fallback)
    .transform((value) => (value === "off" || value === 0 ? null : value));

const clientsFromJson = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "must be a JSON list of {clientId, clientSecret, redirectUris}" });
      return z.NEVER;
    }
  })
  .pipe(z.array(sandboxClientSchema).min(1));

const sandboxEnvSchema = z.object({
  XERO_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  XERO_SANDBOX_URL: z.string().url().optional(),
  XERO_SANDBOX_CLIENTS: clientsFromJson.optional(),
  XERO_SANDBOX_ADMIN_SECRET: z.string().min(8).optional(),
  XERO_SANDBOX_STATE_FILE: z.string().min(1).optional(),
  XERO_SANDBOX_ACCESS_TOKEN_TTL_SECONDS: seconds.default(30 * 60),
  XERO_SANDBOX_REFRESH_TOKEN_TTL_SECONDS: seconds.default(60 * 24 * 60 * 60),
  XERO_SANDBOX_REFRESH_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30 * 60),
  XERO_SANDBOX_CODE_TTL_SECONDS: seconds.default(5 * 60),
  XERO_SANDBOX_WEBHOOK_URL: z.string().url().optional(),
  XERO_SANDBOX_WEBHOOK_KEY: z.string().min(1).optional(),
  XERO_SANDBOX_WEBHOOK_BATCH_MS: z.coerce.number().int().min(0).default(1000),
  XERO_SANDBOX_WEBHOOK_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  XERO_SANDBOX_WEBHOOK_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  XERO_SANDBOX_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  XERO_SANDBOX_LIMIT_CONCURRENT: limit(5),
  XERO_SANDBOX_LIMIT_PER_MINUTE: limit(60),
  XERO_SANDBOX_LIMIT_PER_DAY: limit(5000),
  XERO_SANDBOX_LIMIT_APP_PER_MINUTE: limit(10_000),
  XERO_SANDBOX_LIMIT_MINUTE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  XERO_SANDBOX_ORGANISATIONS: z.coerce.number().int().min(1).max(100).default(2),
});

export interface SandboxConfig {
  /** Public base URL without a trailing slash: the OIDC issuer and the host of every endpoint. */
  baseUrl: string;
  port: number;
  clients: SandboxClient[];
  adminSecret: string;
  /** True when no admin secret was configured and one was generated for this process. */
  adminSecretGenerated: boolean;
  stateFile: string | null;
  /** Organisations seeded in a fresh ledger: the NZ and UK demo companies, then numbered copies. */
  organisations: number;
  tokens: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** How long a rotated-out refresh token still works (Xero: 30 minutes). */
    refreshGraceSeconds: number;
    authorizationCodeTtlSeconds: number;
  };
  webhook: {
    url: string | null;
    key: string | null;
    /** Events raised within this window go out in one batch, as Xero batches them. */
    batchDelayMs: number;
    /**
     * Tries after a failed delivery (a non-2xx answer, no answer, or none within `timeoutMs`),
     * the first `retryDelayMs` later, each next one twice as late. Xero keeps retrying, less and
     * less often, for 24 hours; the default 5 retries from 1 s span about half a minute.
     */
    retries: number;
    retryDelayMs: number;
    /** How long a receiver has to answer: Xero gives it 5 seconds. */
    timeoutMs: number;
  };
  /** Read by the Accounting API. `null` switches a limit off. */
  rateLimits: {
    concurrentPerTenant: number | null;
    perMinutePerTenant: number | null;
    perDayPerTenant: number | null;
    appPerMinute: number | null;
    /** Length of the "minute" window, shortened by tests and benches. */
    minuteWindowMs: number;
  };
}

/** Deep-partial overrides for tests: `loadSandboxConfig(env, { tokens: { accessTokenTtlSeconds: 2 } })`. */
export type SandboxConfigOverrides = Partial<
  Omit<SandboxConfig, "tokens" | "webhook" | "rateLimits"> & {
    tokens: Partial<SandboxConfig["tokens"]>;
    webhook: Partial<SandboxConfig["webhook"]>;
    rateLimits: Partial<SandboxConfig["rateLimits"]>;
  }
>;

/** Reads the sandbox configuration; throws one error naming every bad variable. */
export function loadSandboxConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: SandboxConfigOverrides = {},
): SandboxConfig {
  // An empty variable (`XERO_SANDBOX_WEBHOOK_URL=` copied from .env.example) means "unset".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = sandboxEnvSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Xero sandbox environment:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  const port = overrides.port ?? vars.XERO_SANDBOX_PORT;
  return {
    baseUrl: (overrides.baseUrl ?? vars.XERO_SANDBOX_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ""),
    port,
    clients: overrides.clients ?? vars.XERO_SANDBOX_CLIENTS ?? [DEFAULT_CLIENT],
    adminSecret: overrides.adminSecret ?? vars.XERO_SANDBOX_ADMIN_SECRET ?? randomBytes(18).toString("base64url"),
    adminSecretGenerated: !(overrides.adminSecret ?? vars.XERO_SANDBOX_ADMIN_SECRET),
    stateFile: overrides.stateFile !== undefined ? overrides.stateFile : (vars.XERO_SANDBOX_STATE_FILE ?? null),
    organisations: overrides.organisations ?? vars.XERO_SANDBOX_ORGANISATIONS,
    tokens: {
      accessTokenTtlSeconds: vars.XERO_SANDBOX_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: vars.XERO_SANDBOX_REFRESH_TOKEN_TTL_SECONDS,
      refreshGraceSeconds: vars.XERO_SANDBOX_REFRESH_GRACE_SECONDS,
      authorizationCodeTtlSeconds: vars.XERO_SANDBOX_CODE_TTL_SECONDS,
      ...overrides.tokens,
    },
    webhook: {
      url: vars.XERO_SANDBOX_WEBHOOK_URL ?? null,
      key: vars.XERO_SANDBOX_WEBHOOK_KEY ?? null,
      batchDelayMs: vars.XERO_SANDBOX_WEBHOOK_BATCH_MS,
      retries: vars.XERO_SANDBOX_WEBHOOK_RETRIES,
      retryDelayMs: vars.XERO_SANDBOX_WEBHOOK_RETRY_DELAY_MS,
      timeoutMs: vars.XERO_SANDBOX_WEBHOOK_TIMEOUT_MS,
      ...overrides.webhook,
    },
    rateLimits: {
      concurrentPerTenant: vars.XERO_SANDBOX_LIMIT_CONCURRENT,
      perMinutePerTenant: vars.XERO_SANDBOX_LIMIT_PER_MINUTE,
      perDayPerTenant: vars.XERO_SANDBOX_LIMIT_PER_DAY,
      appPerMinute: vars.XERO_SANDBOX_LIMIT_APP_PER_MINUTE,
      minuteWindowMs: vars.XERO_SANDBOX_LIMIT_MINUTE_WINDOW_MS,
      ...overrides.rateLimits,
    },
  };
}

export const ADMIN_SECRET_HEADER = "x-sandbox-admin-secret";

/**
 * Guards every `/sandbox/admin/*` route: answers 401 unless the request carries the admin secret.
 * Use as a Fastify `preHandler`: `{ preHandler: requireAdmin(config) }`.
 */
export function requireAdmin(config: Pick<SandboxConfig, "adminSecret">) {
  const expected = Buffer.from(config.adminSecret);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = request.headers[ADMIN_SECRET_HEADER];
    const actual = Buffer.from(typeof given === "string" ? given : "");
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      return reply.code(401).send({ error: "unauthorized", message: `missing or wrong ${ADMIN_SECRET_HEADER} header` });
    }
  };
}
