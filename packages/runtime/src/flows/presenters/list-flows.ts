import { type ConnectionStatus, prisma, type RunStatus } from "@ledgerflow/db";
import {
  describeSchedule,
  type FlowTrigger,
  flowDefinitionSchema,
  listActionSteps,
  type TriggerType,
} from "@ledgerflow/engine";
import { storedConnectionIds } from "../../connections/connections-of-flow";
import { appConnectors } from "../../connectors/app-connectors";
import { appEventTitle } from "../../triggers/event/describe-app-event";

export interface ListFlowsOptions {
  workspaceId: string;
  /** "Now", for the 7-day window; tests pass a fixed time. */
  now?: Date;
}

export interface FlowListItem {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  triggerType: TriggerType | null;
  /**
   * A connector trigger's name ("Xero · Invoice paid") or a schedule in words ("Weekdays at 09:00,
   * Pacific/Auckland"); null for the other kinds and before an app event is chosen.
   */
  triggerTitle: string | null;
  /** The Xero organisations the flow's steps use, by name. */
  organisations: string[];
  /**
   * Connections its published version or draft uses that no longer work (disconnected, or refused
   * by the provider): the flow fails, or will once switched on, until they are reconnected or replaced.
   */
  lostConnections: LostConnection[];
  lastRun: { status: RunStatus; at: Date } | null;
  runsLast7Days: number;
  updatedAt: Date;
}

export interface LostConnection {
  id: string;
  name: string;
  /** The connector's name: "Xero". */
  providerTitle: string;
  status: Exclude<ConnectionStatus, "ACTIVE">;
}

const weekMs = 7 * 24 * 60 * 60 * 1000;

export interface FlowList {
  flows: FlowListItem[];
  /** How many Xero organisations the workspace has connected (the empty state's first step). */
  connectionCount: number;
}

function triggerTitleOf(trigger: FlowTrigger | null): string | null {
  if (trigger?.type === "schedule") return describeSchedule(trigger.config);
  return trigger?.type === "event" && trigger.config.event ? appEventTitle(trigger.config.event) : null;
}

/** The flows page: every flow of the workspace with its trigger, organisations and recent runs. */
export async function listFlows({ workspaceId, now = new Date() }: ListFlowsOptions): Promise<FlowList> {
  const [flows, connections, weekCounts] = await Promise.all([
    prisma.flow.findMany({
      where: { workspaceId },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        name: true,
        description: true,
        enabled: true,
        draft: true,
        updatedAt: true,
        publishedVersion: { select: { definition: true } },
      },
    }),
    prisma.connection.findMany({
      where: { workspaceId },
      select: { id: true, name: true, provider: true, status: true },
    }),
    prisma.run.groupBy({
      by: ["flowId"],
      where: { workspaceId, createdAt: { gte: new Date(now.getTime() - weekMs) } },
      _count: { _all: true },
    }),
  ]);

  // One indexed lookup per flow (workspaceId, flowId, createdAt desc): stays fast with many runs.
  const lastRuns = await Promise.all(
    flows.map((flow) =>
      prisma.run.findFirst({
        where: { workspaceId, flowId: flow.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { status: true, createdAt: true },
      }),
    ),
  );

  const connectionNames = new Map(connections.map((connection) => [connection.id, connection.name]));
  const connectors = appConnectors();
  const lost = new Map(
    connections.flatMap((connection): [string, LostConnection][] =>
      connection.status === "ACTIVE"
        ? []
        : [
            [
              connection.id,
              {
                id: connection.id,
                name: connection.name,
                providerTitle: connectors.find(connection.provider)?.title ?? connection.provider,
                status: connection.status,
              },
            ],
          ],
    ),
  );
  const countsByFlow = new Map(weekCounts.map((row) => [row.flowId, row._count._all]));

  const items = flows.map((flow, index): FlowListItem => {
    // What runs is the published version; a never-published flow shows its draft.
    const definition = flowDefinitionSchema.safeParse(flow.enabled ? flow.publishedVersion?.definition : flow.draft);
    const steps = definition.success ? listActionSteps(definition.data) : [];
    const organisations = [
      ...new Set(steps.flatMap((step) => connectionNames.get(step.connectionId ?? "") ?? [])),
    ].sort();
    const used = new Set([
      ...storedConnectionIds(flow.publishedVersion?.definition),
      ...storedConnectionIds(flow.draft),
    ]);
    const lostConnections = [...used].flatMap((id) => lost.get(id) ?? []);
    const lastRun = lastRuns[index];
    const trigger = definition.success ? definition.data.trigger : null;
    return {
      id: flow.id,
      name: flow.name,
      description: flow.description,
      enabled: flow.enabled,
      triggerType: trigger?.type ?? null,
      triggerTitle: triggerTitleOf(trigger),
      organisations,
      lostConnections,
      lastRun: lastRun ? { status: lastRun.status, at: lastRun.createdAt } : null,
      runsLast7Days: countsByFlow.get(flow.id) ?? 0,
      updatedAt: flow.updatedAt,
    };
  });
  return { flows: items, connectionCount: connections.length };
}
