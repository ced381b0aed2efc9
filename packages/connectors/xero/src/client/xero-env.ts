import { z } from "zod";

const url = z.url();

/** Where Xero's webhooks arrive unless XERO_WEBHOOK_PATH says otherwise: the web app's route. */
export const DEFAULT_XERO_WEBHOOK_PATH = "/api/xero/webhooks";

// One or more segments of RFC 3986 path characters (unreserved, percent-encoded, sub-delims, ":",
// "@"), an optional trailing "/". No query or fragment: Xero posts to the URL as pasted.
const URL_PATH = /^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+)+\/?$/;
// "." and ".." are resolved away by clients and proxies, so Xero would never post to the path as written.
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)/;

/** An empty variable (copied from .env.example) means unset. */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

/** What is wrong with a XERO_WEBHOOK_PATH, or null. */
function webhookPathProblem(path: string): string | null {
  if (!path.startsWith("/")) return "must start with /";
  if (!URL_PATH.test(path)) {
    return "may contain only URL path characters (letters, digits, - . _ ~ ! $ & ' ( ) * + , ; = : @ and %XX), with no empty segment, query or fragment";
  }
  if (DOT_SEGMENT.test(path)) return 'must not contain a "." or ".." segment';
  return null;
}

const webhookPath = z
  .string()
  .default(DEFAULT_XERO_WEBHOOK_PATH)
  .superRefine((path, ctx) => {
    const problem = webhookPathProblem(path);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * The Xero connector's environment variables, read by the connector alone. Pointing the URLs at the
 * local sandbox or at real Xero is the whole difference between the two. (XERO_LIMIT_* are read
 * with every connector's limits: packages/runtime/src/connectors/connector-rate-limiter.ts.)
 */
export const xeroEnvSchema = z.object({
  XERO_CLIENT_ID: z.string().optional(),
  XERO_CLIENT_SECRET: z.string().optional(),
  XERO_REDIRECT_URI: url.optional(),
  XERO_SCOPES: z
    .string()
    .default(
      "openid profile email offline_access accounting.invoices accounting.payments accounting.contacts accounting.settings",
    ),
  XERO_IDENTITY_URL: url.default("https://identity.xero.com"),
  XERO_API_URL: url.default("https://api.xero.com"),
  XERO_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** The Xero app's webhook key: signs what Xero POSTs to /api/xero/webhooks. Empty means unset. */
  XERO_WEBHOOK_KEY: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /**
   * Where the key came from, for the settings page: `generated` when `npm start` made it under
   * .data/ (scripts/lib/local-secrets.mjs sets this); otherwise a set key is the operator's own.
   */
  XERO_WEBHOOK_KEY_SOURCE: z.preprocess(unsetIfEmpty, z.enum(["environment", "generated"]).optional()),
  /** The path the web server also answers Xero's webhooks at (apps/web/src/web-server/main.ts). */
  XERO_WEBHOOK_PATH: z.preprocess(unsetIfEmpty, webhookPath),
});

export type XeroEnv = z.output<typeof xeroEnvSchema>;

/** Parses the environment; throws naming every invalid variable. */
export function xeroEnv(env: NodeJS.ProcessEnv = process.env): XeroEnv {
  const parsed = xeroEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid Xero settings in the environment:\n  ${problems.join("\n  ")}`);
}
