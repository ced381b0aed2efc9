import type { TriggerType } from "@ledgerflow/engine";
import { BellIcon, ClockIcon, HandIcon, WebhookIcon } from "lucide-react";

export const triggerTypePresentation: Record<TriggerType, { label: string; icon: typeof WebhookIcon; blurb: string }> =
  {
    webhook: { label: "Webhook", icon: WebhookIcon, blurb: "Runs when another app sends data to a secret URL." },
    schedule: { label: "Schedule", icon: ClockIcon, blurb: "Runs at set times, like every weekday at 9:00." },
    manual: { label: "Manual", icon: HandIcon, blurb: "Runs when you press “Run now”." },
    event: {
      label: "App event",
      icon: BellIcon,
      blurb: "Runs when something changes in a connected app, such as Xero.",
    },
  };

/** The trigger's kind, or its own name when it has one ("Xero · Invoice paid"). */
export function TriggerTypeLabel({ type, title }: { type: TriggerType | null; title?: string | null }) {
  if (!type) return <span className="text-slate-500">No trigger</span>;
  const { label, icon: Icon } = triggerTypePresentation[type];
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon aria-hidden className="size-3.5 text-slate-400" />
      {title ?? label}
    </span>
  );
}
