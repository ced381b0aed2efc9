import { delayConnector } from "@ledgerflow/connector-delay";
import { filterConnector } from "@ledgerflow/connector-filter";
import { formatterConnector } from "@ledgerflow/connector-formatter";
import { httpConnector } from "@ledgerflow/connector-http";
import { xeroConnector } from "@ledgerflow/connector-xero";
import { type ConnectorRegistry, createConnectorRegistry } from "./connector-registry";

let registry: ConnectorRegistry | undefined;

/** The connectors this app offers. Adding one is its package plus one line here. */
export function appConnectors(): ConnectorRegistry {
  registry ??= createConnectorRegistry([
    xeroConnector,
    filterConnector,
    formatterConnector,
    delayConnector,
    httpConnector,
  ]);
  return registry;
}
