import type { Connection } from "@ledgerflow/db";
import { type FlowTrigger, validateStepInput } from "@ledgerflow/engine";
import type { ConnectorRegistry } from "../../connectors/connector-registry";
import type { PublishProblem } from "../check-flow-can-publish";

type EventTrigger = Extract<FlowTrigger, { type: "event" }>;

/**
 * What would keep a connector trigger from ever firing, said at switch-on: no trigger chosen, a
 * trigger no connector declares, no connection (or one of another app, or one needing a
 * reconnect), or settings its fields refuse. `connection` is the trigger's connection as found
 * in the flow's own workspace (null when it is not there).
 */
export function checkEventTrigger(
  trigger: EventTrigger,
  connection: Pick<Connection, "name" | "provider" | "status"> | null,
  connectors: ConnectorRegistry,
): PublishProblem[] {
  const { event, connectionId, input } = trigger.config;
  if (!event) return [{ field: "trigger.event", message: "Choose the app event that starts this flow." }];
  const found = connectors.findTrigger(event);
  if (!found) {
    return [{ field: "trigger.event", message: `The trigger "${event}" no longer exists: choose another.` }];
  }
  const { connector, trigger: definition } = found;
  const accountNoun = connector.auth.kind === "oauth2" ? connector.auth.accountNoun : "connection";
  const problems: PublishProblem[] = [];
  if (!connectionId || !connection || connection.provider !== connector.key) {
    problems.push({
      field: "trigger.connectionId",
      message: connectionId
        ? `The ${connector.title} connection of the trigger was removed: choose another ${accountNoun}.`
        : `Choose the ${connector.title} ${accountNoun} whose events start this flow.`,
    });
  } else if (connection.status !== "ACTIVE") {
    problems.push({
      field: "trigger.connectionId",
      message: `The ${connector.title} connection "${connection.name}" needs to be reconnected.`,
      reconnect: { connectionId, scopes: [] },
    });
  }
  const settings = validateStepInput(input, definition.fields);
  if (!settings.ok) {
    for (const problem of settings.problems) {
      problems.push({ field: `trigger.input.${problem.field}`, message: problem.message });
    }
  }
  return problems;
}
