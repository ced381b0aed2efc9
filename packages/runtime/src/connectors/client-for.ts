import { type AnyConnector, type CatalogAction, type ClientFor, type FlowStep, StepError } from "@ledgerflow/engine";
import { readConnectionSecret } from "../connections/read-connection-secret";
import { appConnectors } from "./app-connectors";
import { acquireConnectorCallSlot } from "./connector-rate-limiter";
import type { ConnectorRegistry } from "./connector-registry";

export interface ClientScope {
  workspaceId: string;
  /**
   * Asked before every call to the outside world, before the rate limiter: a run's execution checks
   * here that it still holds the run's lease (throws when it does not).
   */
  beforeCall?: () => void;
}

/**
 * A connector's authorised client for one connection of the workspace (another workspace's
 * connection is not found), with the connector's rate limits applied before every call.
 */
export function connectorClient(
  connector: AnyConnector,
  connectionId: string,
  { workspaceId, beforeCall }: ClientScope,
): Promise<unknown> {
  if (!connector.createClient) throw new Error(`Connector "${connector.key}" has no connections`);
  return connector.createClient({
    connectionId,
    workspaceId,
    async acquireCallSlot(account) {
      beforeCall?.();
      return acquireConnectorCallSlot(connector, account);
    },
    readSecret: () => readConnectionSecret({ connectionId, workspaceId, provider: connector.key }),
  });
}

/**
 * The one way a step gets its client — in runs and the Test button alike (dropdowns use
 * connectorClient). A step whose action needs no connection gets none, unless it names one (an
 * HTTP request with its credentials): a connection is then optional, not absent.
 */
export function clientFor(scope: ClientScope, connectors: ConnectorRegistry = appConnectors()): ClientFor {
  return (step: FlowStep, action: CatalogAction) => {
    const connector = connectors.ownerOf(action.key);
    if (!connector?.createClient) return undefined;
    if (action.needsConnection === false) {
      return step.connectionId ? connectorClient(connector, step.connectionId, scope) : undefined;
    }
    if (!step.connectionId) {
      const noun = connector.auth.kind === "oauth2" ? connector.auth.accountNoun : "connection";
      throw new StepError(`Choose the ${connector.title} ${noun} this step uses.`, {
        code: "invalid_input",
        field: "connectionId",
      });
    }
    return connectorClient(connector, step.connectionId, scope);
  };
}
