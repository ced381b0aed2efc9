import type { FlowTrigger } from "@ledgerflow/engine";
import { ChevronRightIcon } from "lucide-react";
import { triggerTypePresentation } from "../trigger-type-label";

function describe(trigger: FlowTrigger): string {
  if (trigger.type === "schedule") {
    const { config } = trigger;
    if (config.mode === "cron") return `Cron ${config.cron} (${config.timezone})`;
    const minutes = config.everySeconds / 60;
    return minutes % 60 === 0 ? `Every ${minutes / 60} hour(s)` : `Every ${minutes} minute(s)`;
  }
  return trigger.sample ? "Sample data ready" : "No sample data yet";
}

/** The first card of the editor: what starts the flow. */
export function TriggerCard({ trigger, onOpen }: { trigger: FlowTrigger; onOpen: () => void }) {
  const { label, icon: Icon } = triggerTypePresentation[trigger.type];
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={`Trigger: ${label}`}
      className="flex w-full items-center gap-3 rounded-xl border border-slate-200 bg-white p-3.5 text-left shadow-xs transition-colors hover:border-slate-300"
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <Icon aria-hidden className="size-4" />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="text-xs font-medium text-slate-500">Trigger</span>
        <span className="text-sm font-medium text-slate-900">{label}</span>
        <span className="truncate text-xs text-slate-500">{describe(trigger)}</span>
      </span>
      <ChevronRightIcon aria-hidden className="size-4 text-slate-400" />
    </button>
  );
}
