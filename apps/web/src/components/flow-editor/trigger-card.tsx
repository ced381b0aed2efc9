import { describeSchedule, type FlowTrigger } from "@ledgerflow/engine";
import { ChevronRightIcon } from "lucide-react";
import { LostConnectionBadge } from "../connections/lost-connection-badge";
import { triggerTypePresentation } from "../trigger-type-label";
import type { ConnectionChoice, TriggerChoice } from "./editor-types";
import { ToFix } from "./to-fix";

interface TriggerCardProps {
  trigger: FlowTrigger;
  triggers: TriggerChoice[];
  connections: ConnectionChoice[];
  /** How many switch-on problems the trigger has (after a refusal). */
  problemCount: number;
  onOpen: () => void;
}

function describe(trigger: FlowTrigger, connections: ConnectionChoice[]): string {
  if (trigger.type === "schedule") return describeSchedule(trigger.config);
  if (trigger.type === "event") {
    if (!trigger.config.event) return "Choose what happens";
    const organisation = connections.find((connection) => connection.id === trigger.config.connectionId)?.name;
    return organisation ? `In ${organisation}` : "Choose the organisation";
  }
  return trigger.sample ? "Sample data ready" : "No sample data yet";
}

/** "Xero · Invoice paid" for a chosen app event; the trigger type's name otherwise. */
function titleOf(trigger: FlowTrigger, triggers: TriggerChoice[]): string {
  const choice = trigger.type === "event" ? triggers.find((candidate) => candidate.key === trigger.config.event) : null;
  return choice ? `${choice.connector.title} · ${choice.title}` : triggerTypePresentation[trigger.type].label;
}

/** The first card of the editor: what starts the flow. */
export function TriggerCard({ trigger, triggers, connections, problemCount, onOpen }: TriggerCardProps) {
  const { icon: Icon } = triggerTypePresentation[trigger.type];
  const title = titleOf(trigger, triggers);
  const connection =
    trigger.type === "event"
      ? connections.find((candidate) => candidate.id === trigger.config.connectionId)
      : undefined;
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={`Trigger: ${title}`}
      className="flex w-full items-center gap-3 rounded-xl border border-slate-200 bg-white p-3.5 text-left shadow-xs transition-colors hover:border-slate-300"
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <Icon aria-hidden className="size-4" />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="text-xs font-medium text-slate-500">Trigger</span>
        <span className="text-sm font-medium text-slate-900">{title}</span>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
          <span className="truncate">{describe(trigger, connections)}</span>
          <ToFix count={problemCount} />
          <LostConnectionBadge connection={connection} />
        </span>
      </span>
      <ChevronRightIcon aria-hidden className="size-4 text-slate-400" />
    </button>
  );
}
