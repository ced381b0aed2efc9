import { prisma } from "@ledgerflow/db";
import {
  type FlowDefinition,
  findMissingSampleReferences,
  listActionSteps,
  validateFlowDefinitionForPublish,
} from "@ledgerflow/engine";
import { appConnectors } from "../connectors/app-connectors";
import { checkEventTrigger } from "./event/check-event-trigger";

export interface PublishProblem {
  stepKey?: string;
  field?: string;
  message: string;
  /** Set when reconnecting the connection (with these scopes) fixes the problem. */
  reconnect?: { connectionId: string; scopes: string[] };
  /** "warning": may be right (a mapping its sample lacks); the person may switch on anyway. */
  severity?: "warning";
}

/**
 * Everything that would make a published flow fail for reasons known now: the definition's own
 * problems (unknown actions, unmapped required fields, references to later steps) and its
 * connections (missing, not Active, or lacking a permission an action needs) — so users hear about them at
 * switch-on, never as a bare 401/403 at run time. Then, as warnings, mappings to values the trigger's
 * sample or an earlier step's test result (`sampleOutputs`, by step key) does not have.
 */
export async function checkFlowCanPublish(
  workspaceId: string,
  definition: FlowDefinition,
  sampleOutputs: Readonly<Record<string, unknown>> = {},
): Promise<PublishProblem[]> {
  const connectors = appConnectors();
  const problems: PublishProblem[] = validateFlowDefinitionForPublish(definition, connectors.catalog).map(
    (problem) => ({
      stepKey: problem.stepKey,
      field: problem.field,
      message: problem.message,
    }),
  );
  problems.push(...findMissingSampleReferences({ definition, sampleOutputs, catalog: connectors.catalog }));

  const { trigger } = definition;
  const triggerConnectionId = trigger.type === "event" ? trigger.config.connectionId : undefined;
  const connectionIds = [
    ...new Set([
      ...listActionSteps(definition).flatMap((step) => (step.connectionId ? [step.connectionId] : [])),
      ...(triggerConnectionId ? [triggerConnectionId] : []),
    ]),
  ];
  const connections = await prisma.connection.findMany({
    where: { workspaceId, id: { in: connectionIds } },
    select: { id: true, name: true, provider: true, status: true, scopes: true },
  });
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  if (trigger.type === "event") {
    const connection = triggerConnectionId ? (byId.get(triggerConnectionId) ?? null) : null;
    problems.push(...checkEventTrigger(trigger, connection, connectors));
  }

  for (const step of listActionSteps(definition)) {
    if (!step.connectionId) continue;
    const action = connectors.catalog.get(step.action);
    const connector = action && connectors.ownerOf(action.key);
    const what = connector ? `${connector.title} connection` : "connection";
    const accountNoun = connector?.auth.kind === "oauth2" ? connector.auth.accountNoun : "connection";
    const connection = byId.get(step.connectionId);
    if (!connection) {
      problems.push({
        stepKey: step.key,
        field: "connectionId",
        message: `The ${what} of this step was removed: choose another ${accountNoun}.`,
      });
      continue;
    }
    if (connection.status !== "ACTIVE") {
      problems.push({
        stepKey: step.key,
        field: "connectionId",
        message: `The ${what} "${connection.name}" needs to be reconnected.`,
        reconnect: { connectionId: connection.id, scopes: [] },
      });
      continue;
    }
    const missing = action ? (connector?.missingPermissions?.(action, connection.scopes) ?? []) : [];
    if (missing.length > 0) {
      problems.push({
        stepKey: step.key,
        field: "connectionId",
        message: `"${connection.name}" was connected without permission for this action (${missing.join(", ")}). Reconnect it to grant it.`,
        reconnect: { connectionId: connection.id, scopes: missing },
      });
    }
  }
  return problems;
}
