import { z } from "zod";

const url = z.url();

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
});

export type XeroEnv = z.output<typeof xeroEnvSchema>;

/** Parses the environment; throws naming every invalid variable. */
export function xeroEnv(env: NodeJS.ProcessEnv = process.env): XeroEnv {
  const parsed = xeroEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid Xero settings in the environment:\n  ${problems.join("\n  ")}`);
}
