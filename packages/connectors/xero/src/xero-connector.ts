import { defineConnector } from "@ledgerflow/engine";
import { xeroCatalog } from "./catalog/xero-catalog";
import { missingScopes } from "./missing-scopes";
import { optionLoaders } from "./options/option-loaders";
import { getXeroClient } from "./token-access/get-xero-client";
import { revokeXeroConnection } from "./token-access/revoke-xero-connection";
import { xeroEvents } from "./triggers/xero-events";
import { xeroTriggers } from "./triggers/xero-triggers";
import type { XeroActionDefinition } from "./xero-action-definition";
import type { XeroClientContext } from "./xero-client-context";

/** Everything Ledgerflow knows of Xero, as the connector contract asks for it (docs/ARCHITECTURE.md §5). */
export const xeroConnector = defineConnector<XeroClientContext>({
  key: "xero",
  title: "Xero",
  auth: { kind: "oauth2", accountNoun: "organisation" },
  actions: xeroCatalog,
  triggers: xeroTriggers,
  events: xeroEvents,
  optionLoaders,
  // Xero's published limits (developer.xero.com/documentation/guides/oauth2/limits): per
  // organisation 5 calls in flight, 60 a minute and 5,000 a day; 10,000 a minute per app.
  limits: { perAccount: { concurrent: 5, perMinute: 60, perDay: 5_000 }, perApp: { perMinute: 10_000 } },
  async createClient({ connectionId, workspaceId, acquireCallSlot }) {
    const client = await getXeroClient(connectionId, workspaceId);
    // Xero counts calls per organisation: the tenant is the account the limits are kept for.
    return { ...client, acquireCallSlot: () => acquireCallSlot(client.tenantId) };
  },
  revokeConnection: revokeXeroConnection,
  missingPermissions: (action, grantedScopes) => {
    const scopes = (action as Partial<XeroActionDefinition>).scopes;
    return scopes ? missingScopes({ scopes }, grantedScopes) : [];
  },
});
