"use client";

import { createTrigger, type FlowTrigger, type PublishProblem, type TriggerType } from "@ledgerflow/engine";
import { triggerTypePresentation } from "../trigger-type-label";
import { cn } from "../ui/class-names";
import { AppEventTriggerSettings } from "./app-event-trigger-settings";
import type { ConnectionChoice, PollingStatus, TriggerChoice, WebhookView } from "./editor-types";
import { SampleEditor } from "./sample-editor";
import { ScheduleTriggerSettings } from "./schedule-trigger-settings";
import { WebhookTriggerSettings } from "./webhook-trigger-settings";

const pickable: TriggerType[] = ["event", "webhook", "schedule", "manual"];

interface TriggerPanelProps {
  flowId: string;
  trigger: FlowTrigger;
  onChange: (trigger: FlowTrigger) => void;
  webhook: WebhookView;
  onWebhookChange: (change: Partial<WebhookView>) => void;
  /** The connectors' triggers ("App event") and the workspace's connections to listen through. */
  triggers: TriggerChoice[];
  connections: ConnectionChoice[];
  polling: PollingStatus | null;
  /** The switch-on refusal's problems with the trigger (fields `trigger.…`), shown next to their controls. */
  problems: PublishProblem[];
  readOnly: boolean;
}

function sampleBody(trigger: FlowTrigger): unknown {
  return trigger.sample && "body" in trigger.sample ? trigger.sample.body : undefined;
}

/** The trigger's side panel: what starts the flow, its settings, and its sample data. */
export function TriggerPanel(props: TriggerPanelProps) {
  const { flowId, trigger, onChange, readOnly, webhook, onWebhookChange, triggers, connections, problems } = props;
  const problemsByField = new Map(
    problems.flatMap((problem) => (problem.field ? [[problem.field.replace(/^trigger\./, ""), problem.message]] : [])),
  );
  // An app event's sample is a record, the others' a request body: neither carries over.
  const switchTo = (type: TriggerType) =>
    onChange({
      // A new schedule starts in the person's own time zone, as the browser knows it.
      ...createTrigger(type, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
      sample: type === "event" || trigger.type === "event" ? undefined : trigger.sample,
    });
  const setBody = (body: unknown) =>
    onChange({ ...trigger, sample: body === undefined ? undefined : { ...(trigger.sample ?? {}), body } });

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">What starts this flow?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {pickable.map((type) => {
            const { label, icon: Icon, blurb } = triggerTypePresentation[type];
            const selected = trigger.type === type;
            return (
              <label
                key={type}
                className={cn(
                  "flex cursor-pointer flex-col gap-1 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
                  selected
                    ? "border-brand-500 bg-brand-50/60 ring-1 ring-brand-500"
                    : "border-slate-200 hover:border-slate-300",
                  readOnly && "cursor-default opacity-80",
                )}
              >
                <input
                  type="radio"
                  name="trigger-type"
                  value={type}
                  checked={selected}
                  disabled={readOnly}
                  className="sr-only"
                  onChange={() => switchTo(type)}
                />
                <span className="flex items-center gap-2 font-medium text-slate-900">
                  <Icon aria-hidden className="size-4 text-brand-600" />
                  {label}
                </span>
                <span className="text-xs text-slate-500">{blurb}</span>
              </label>
            );
          })}
        </div>
      </fieldset>

      {trigger.type === "event" ? (
        <AppEventTriggerSettings
          trigger={trigger}
          choices={triggers}
          connections={connections}
          polling={props.polling}
          problems={problemsByField}
          readOnly={readOnly}
          onChange={onChange}
        />
      ) : null}
      {trigger.type === "webhook" ? (
        <WebhookTriggerSettings
          flowId={flowId}
          webhook={webhook}
          onChange={onWebhookChange}
          readOnly={readOnly}
          onCaptured={(event) => onChange({ ...trigger, sample: event })}
        />
      ) : null}
      {trigger.type === "schedule" ? (
        <ScheduleTriggerSettings
          config={trigger.config}
          readOnly={readOnly}
          onChange={(config) => onChange({ ...trigger, config })}
        />
      ) : null}
      {trigger.type === "manual" ? (
        <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-600">
          Once the flow is switched on, start it with <strong>Run now</strong> at the top, using the sample below or a
          body you edit then.
        </p>
      ) : null}

      {trigger.type === "webhook" || trigger.type === "manual" ? (
        <SampleEditor value={sampleBody(trigger)} onChange={setBody} readOnly={readOnly} />
      ) : null}
    </div>
  );
}
