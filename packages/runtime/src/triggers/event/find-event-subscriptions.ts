import { prisma } from "@ledgerflow/db";
import {
  type AnyConnector,
  type InstantTriggerSource,
  type PushedEvent,
  type TriggerDefinition,
  triggerSchema,
} from "@ledgerflow/engine";

/** A published flow one of whose connector triggers listens to an event. */
export interface EventSubscriber {
  flowId: string;
  enabled: boolean;
  flowVersionId: string;
  trigger: TriggerDefinition & { source: InstantTriggerSource };
  input: Record<string, unknown>;
}

/** The flows of one connection's workspace that an event starts. */
export interface EventSubscription {
  connection: { id: string; workspaceId: string };
  subscribers: EventSubscriber[];
}

/** Every connection to one account and the published flows of its workspace with an instant trigger on it. */
export type AccountListeners = EventSubscription[];

/**
 * Who may listen to an account's pushed events: each connection to the account (one per workspace
 * at most), and the published flows *of that connection's workspace* whose instant trigger uses
 * that connection. An event never reaches a workspace without such a connection. Switched-off
 * flows are included (they record a SKIPPED run); the caller tells them apart. Read once for a
 * batch of the account's events; `subscriptionsTo` picks each event's own.
 */
export async function findAccountListeners(connector: AnyConnector, account: string): Promise<AccountListeners> {
  const connections = await prisma.connection.findMany({
    where: { provider: connector.key, externalId: account },
    select: { id: true, workspaceId: true },
    orderBy: { createdAt: "asc" },
  });
  const listeners: AccountListeners = [];
  for (const connection of connections) {
    // The trigger's connection is in the definition's JSON: read only flows whose published
    // version names this connection, in the connection's own workspace.
    const flows = await prisma.$queryRaw<{ id: string; enabled: boolean; versionId: string; trigger: unknown }[]>`
      SELECT f."id", f."enabled", v."id" AS "versionId", v."definition"->'trigger' AS "trigger"
      FROM "Flow" f JOIN "FlowVersion" v ON v."id" = f."publishedVersionId" AND v."workspaceId" = f."workspaceId"
      WHERE f."workspaceId" = ${connection.workspaceId}
        AND v."definition"->'trigger'->'config'->>'connectionId' = ${connection.id}
      ORDER BY f."createdAt", f."id"`;
    const subscribers = flows.flatMap((flow): EventSubscriber[] => {
      const parsed = triggerSchema.safeParse(flow.trigger);
      if (!parsed.success) return [];
      const flowTrigger = parsed.data;
      if (flowTrigger.type !== "event") return [];
      const trigger = connector.triggers.find((candidate) => candidate.key === flowTrigger.config.event);
      if (trigger?.source.kind !== "instant") return [];
      return [
        {
          flowId: flow.id,
          enabled: flow.enabled,
          flowVersionId: flow.versionId,
          trigger: trigger as EventSubscriber["trigger"],
          input: flowTrigger.config.input,
        },
      ];
    });
    if (subscribers.length > 0) listeners.push({ connection, subscribers });
  }
  return listeners;
}

/** The account's listeners whose trigger `accepts` this event (a check on the event alone, no call). */
export function subscriptionsTo(listeners: AccountListeners, event: PushedEvent): EventSubscription[] {
  return listeners.flatMap(({ connection, subscribers }) => {
    const accepting = subscribers.filter((subscriber) => subscriber.trigger.source.accepts(event, subscriber.input));
    return accepting.length > 0 ? [{ connection, subscribers: accepting }] : [];
  });
}
