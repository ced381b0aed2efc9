import { createHash } from "node:crypto";
import { type SelectOption, StepError } from "@ledgerflow/engine";
import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { z } from "zod";
import type { XeroClientContext } from "../xero-client-context";
import { optionLoaders } from "./option-loaders";

/** Dropdowns are served from Redis for this long; "Refresh fields" reloads from Xero at once. */
export const OPTIONS_CACHE_TTL_SECONDS = 5 * 60;

const requestSchema = z.object({
  loader: z
    .string()
    .refine((key) => key in optionLoaders, { error: (issue) => `Unknown option loader "${issue.input}"` }),
  connectionId: z.string().min(1),
  query: z.string().max(200).optional(),
  dependsOn: z.record(z.string(), z.unknown()).default({}),
  refresh: z.boolean().default(false),
});

export type LoadFieldOptionsRequest = z.input<typeof requestSchema> & {
  client: XeroClientContext;
  signal?: AbortSignal;
};

const cachedOptionsSchema = z.array(z.object({ value: z.string(), label: z.string(), hint: z.string().optional() }));

/** One cache entry per connection, loader and arguments (the search text, the fields it depends on). */
function cacheKey(request: z.output<typeof requestSchema>): string {
  const args = JSON.stringify([request.query ?? "", Object.entries(request.dependsOn).sort()]);
  const digest = createHash("sha256").update(args).digest("base64url").slice(0, 16);
  return redisKey("xero-options", request.connectionId, request.loader, digest);
}

async function readCache(key: string): Promise<SelectOption[] | undefined> {
  try {
    const cached = await sharedRedis().get(key);
    if (!cached) return undefined;
    const parsed = cachedOptionsSchema.safeParse(JSON.parse(cached));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // The cache is an optimisation: without Redis, options come straight from Xero.
  }
}

async function writeCache(key: string, options: SelectOption[]): Promise<void> {
  try {
    await sharedRedis().set(key, JSON.stringify(options), "EX", OPTIONS_CACHE_TTL_SECONDS);
  } catch {
    // As above: a failed cache write only costs a Xero call next time.
  }
}

/**
 * The options of a dropdown in the step editor (`FieldSpec.options.loader`), for one Xero
 * connection. Cached per connection and arguments; `refresh` bypasses the cache and rewrites it.
 */
export async function loadFieldOptions(request: LoadFieldOptionsRequest): Promise<SelectOption[]> {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = issue?.path.join(".") || undefined;
    throw new StepError(`${field ? `${field}: ` : ""}${issue?.message}`, { code: "invalid_input", field });
  }
  const key = cacheKey(parsed.data);
  if (!parsed.data.refresh) {
    const cached = await readCache(key);
    if (cached) return cached;
  }
  const load = optionLoaders[parsed.data.loader]!;
  const options = await load({
    client: request.client,
    query: parsed.data.query,
    dependsOn: parsed.data.dependsOn,
    signal: request.signal,
  });
  await writeCache(key, options);
  return options;
}
