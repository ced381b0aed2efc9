import { createHash } from "node:crypto";
import type { SelectOption } from "@ledgerflow/engine";
import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { z } from "zod";
import { InvalidInputError } from "../errors/domain-errors";
import { appConnectors } from "./app-connectors";
import { connectorClient } from "./client-for";
import type { ConnectorRegistry } from "./connector-registry";
import { editorCallError } from "./editor-call-error";

/** Dropdowns are served from Redis for this long; "Refresh fields" reloads from the service at once. */
export const OPTIONS_CACHE_TTL_SECONDS = 5 * 60;

export const loadFieldOptionsSchema = z.object({
  /** The field's `options.loader`, e.g. "xero.accounts.revenue". */
  loader: z.string().min(1).max(200),
  connectionId: z.string().min(1, "Choose a connection first").max(100),
  query: z.string().max(200).optional(),
  dependsOn: z.record(z.string(), z.unknown()).default({}),
  /** "Refresh fields": skip the cache and ask the service again. */
  refresh: z.boolean().default(false),
});

export type LoadFieldOptionsInput = z.input<typeof loadFieldOptionsSchema> & { workspaceId: string };

const cachedOptionsSchema = z.array(z.object({ value: z.string(), label: z.string(), hint: z.string().optional() }));

/** One cache entry per connection, loader and arguments (the search text, the fields it depends on). */
function cacheKey(request: z.output<typeof loadFieldOptionsSchema>): string {
  const args = JSON.stringify([request.query ?? "", Object.entries(request.dependsOn).sort()]);
  const digest = createHash("sha256").update(args).digest("base64url").slice(0, 16);
  return redisKey("options", request.connectionId, request.loader, digest);
}

async function readCache(key: string): Promise<SelectOption[] | undefined> {
  try {
    const cached = await sharedRedis().get(key);
    if (!cached) return undefined;
    const parsed = cachedOptionsSchema.safeParse(JSON.parse(cached));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // The cache is an optimisation: without Redis, options come straight from the service.
  }
}

async function writeCache(key: string, options: SelectOption[]): Promise<void> {
  try {
    await sharedRedis().set(key, JSON.stringify(options), "EX", OPTIONS_CACHE_TTL_SECONDS);
  } catch {
    // As above: a failed cache write only costs a call next time.
  }
}

/**
 * A dropdown's choices in the step editor (`FieldSpec.options.loader`), read through the loader's
 * connector from one connection of the workspace. Cached per connection and arguments; `refresh`
 * bypasses the cache and rewrites it. The service's own reasons (reconnect needed, a missing scope,
 * its limits) come back as InvalidInputError, written for users.
 */
export async function loadFieldOptions(
  { workspaceId, ...input }: LoadFieldOptionsInput,
  connectors: ConnectorRegistry = appConnectors(),
): Promise<SelectOption[]> {
  const request = loadFieldOptionsSchema.parse(input);
  const connector = connectors.ownerOf(request.loader);
  const load = connector?.optionLoaders[request.loader];
  if (!connector || !load) throw new InvalidInputError(`Unknown option loader "${request.loader}"`, "loader");

  const key = cacheKey(request);
  if (!request.refresh) {
    const cached = await readCache(key);
    if (cached) return cached;
  }
  try {
    const client = await connectorClient(connector, request.connectionId, { workspaceId });
    const options = await load({ client, query: request.query, dependsOn: request.dependsOn });
    await writeCache(key, options);
    return options;
  } catch (error) {
    throw editorCallError(error);
  }
}
