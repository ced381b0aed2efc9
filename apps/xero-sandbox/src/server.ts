import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import { createLedger, Ledger, registerAccountingApi } from "./accounting";
import type { SandboxConfig } from "./config";
import { registerIdentityAdminRoutes } from "./identity/admin-routes";
import { registerAuthorizeRoutes } from "./identity/authorize-routes";
import { registerConnectionsRoutes } from "./identity/connections-routes";
import { createIdentity, type Identity, type IdentityJson } from "./identity/create-identity";
import { registerDiscoveryRoutes } from "./identity/discovery-routes";
import { registerTokenRoutes } from "./identity/token-routes";
import { createStateSaver, readStateFile } from "./persistence/state-file";
import { registerWebhookAdminRoutes } from "./webhooks/webhook-admin-routes";
import { WebhookDelivery, type WebhookDeliveryJson } from "./webhooks/webhook-delivery";

/** What the state file holds: identity, ledger and webhooks, each as its own JSON. */
interface SandboxStateJson {
  identity: IdentityJson;
  ledger: unknown;
  webhooks?: WebhookDeliveryJson;
}

export interface Sandbox {
  app: FastifyInstance;
  config: SandboxConfig;
  identity: Identity;
  ledger: Ledger;
  webhooks: WebhookDelivery;
}

/**
 * Builds the sandbox on one Fastify instance: identity (OAuth 2.0 / OIDC), /connections, the
 * Accounting API, webhooks and the admin routes, restored from `config.stateFile` when it exists. Paths are
 * matched case-insensitively, as Xero matches them (`/Connections` and `/connections` alike).
 */
export async function buildSandbox(config: SandboxConfig): Promise<Sandbox> {
  const saved = config.stateFile ? await readStateFile<SandboxStateJson>(config.stateFile) : undefined;
  const identity = await createIdentity(config, saved?.identity);
  const ledger = saved ? Ledger.fromJSON(saved.ledger, config.organisations) : createLedger(config.organisations);

  const app = Fastify({ logger: false, routerOptions: { caseSensitive: false } });
  await app.register(formbody);

  registerDiscoveryRoutes(app, identity);
  registerAuthorizeRoutes(app, { identity, ledger });
  registerTokenRoutes(app, identity);
  registerConnectionsRoutes(app, { identity, ledger });
  registerIdentityAdminRoutes(app, { identity, ledger });
  registerAccountingApi(app, { ledger, authenticate: identity.authenticate, config });

  const webhooks = new WebhookDelivery(config, saved?.webhooks);
  ledger.onChange((change) => webhooks.notify(change));
  registerWebhookAdminRoutes(app, { config, delivery: webhooks });
  app.addHook("onClose", async () => webhooks.close());

  if (config.stateFile) {
    const saver = createStateSaver(config.stateFile, () => ({
      identity: identity.toJSON(),
      ledger: ledger.toJSON(),
      webhooks: webhooks.toJSON(),
    }));
    identity.store.onChange(() => saver.schedule());
    ledger.onChange(() => saver.schedule());
    // Not every ledger write is a webhook-worthy change (payments, items): save after any write.
    app.addHook("onResponse", async (request) => {
      if (request.method !== "GET" && request.method !== "HEAD") saver.schedule();
    });
    app.addHook("onClose", async () => saver.flush());
    // The first start persists the new signing key at once, so tokens outlive a crash.
    if (!saved) saver.schedule();
  }

  return { app, config, identity, ledger, webhooks };
}
