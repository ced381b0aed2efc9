"use client";

import type { FlowTrigger, MappingValue } from "@ledgerflow/engine";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import { ConnectionPicker } from "./connection-picker";
import type { ConnectionChoice, PollingStatus, TriggerChoice } from "./editor-types";
import { FieldInput } from "./field-input";
import { PollSettings } from "./poll-settings";
import { TriggerSampleSection } from "./trigger-sample-section";

export type EventTrigger = Extract<FlowTrigger, { type: "event" }>;

interface AppEventTriggerSettingsProps {
  trigger: EventTrigger;
  choices: TriggerChoice[];
  connections: ConnectionChoice[];
  /** The published trigger's last check, while it polls. */
  polling: PollingStatus | null;
  /** The switch-on refusal's problems by the part of the trigger they name: "event", "connectionId", "input.eventCategory". */
  problems: Map<string, string>;
  readOnly: boolean;
  onChange: (trigger: EventTrigger) => void;
}

/**
 * An "App event" trigger, in the order a bookkeeper decides it: what happens ("Invoice paid"), in
 * which organisation, the trigger's own settings, how often to check when it polls, and the sample
 * record the steps are mapped from.
 */
export function AppEventTriggerSettings({
  trigger,
  choices,
  connections,
  polling,
  problems,
  readOnly,
  onChange,
}: AppEventTriggerSettingsProps) {
  const { config } = trigger;
  const choice = choices.find((candidate) => candidate.key === config.event);
  const connectionsOf = (candidate: TriggerChoice) =>
    connections.filter((connection) => connection.provider === candidate.connector.key);
  const own = choice ? connectionsOf(choice) : [];
  const setConfig = (change: Partial<EventTrigger["config"]>) =>
    onChange({ ...trigger, config: { ...config, ...change } });

  // A new trigger starts from its example data and keeps the organisation when it can.
  const pick = (key: string) => {
    const next = choices.find((candidate) => candidate.key === key);
    if (!next || key === config.event) return;
    const candidates = connectionsOf(next);
    const connectionId = candidates.some((connection) => connection.id === config.connectionId)
      ? config.connectionId
      : candidates.length === 1
        ? candidates[0]?.id
        : undefined;
    onChange({ ...trigger, config: { ...config, event: key, connectionId, input: {} }, sample: next.sample });
  };

  const setInput = (name: string, value: MappingValue | undefined) => {
    const { [name]: _removed, ...rest } = config.input;
    setConfig({ input: value === undefined ? rest : { ...rest, [name]: value } });
  };

  return (
    <div className="flex flex-col gap-6">
      <Field label="App event" required error={problems.get("event")} help={choice?.description}>
        {(control) => (
          <Combobox
            {...control}
            disabled={readOnly}
            value={config.event || null}
            onChange={pick}
            placeholder="Choose what happens"
            searchPlaceholder="Search app events…"
            emptyText="No app event matches."
            options={choices.map((candidate) => ({
              value: candidate.key,
              label: candidate.title,
              description: candidate.description,
              group: candidate.group,
            }))}
          />
        )}
      </Field>

      {choice ? (
        <>
          <ConnectionPicker
            label={`${choice.connector.title} ${choice.connector.accountNoun}`}
            addHref={`/connections?add=${choice.connector.key}`}
            addLabel={`Add a ${choice.connector.title} connection`}
            connections={own}
            value={config.connectionId}
            onChange={(connectionId) => setConfig({ connectionId })}
            error={problems.get("connectionId")}
            readOnly={readOnly}
          />
          {choice.fields.length > 0 ? (
            <section aria-label="Settings" className="flex flex-col gap-4">
              {choice.fields.map((spec) => (
                <FieldInput
                  key={spec.name}
                  spec={spec}
                  value={config.input[spec.name] as MappingValue | undefined}
                  onChange={(value) => setInput(spec.name, value)}
                  siblings={config.input as Record<string, MappingValue>}
                  groups={[]}
                  sampleContext={{ trigger: {}, steps: {} }}
                  connectionId={config.connectionId}
                  refreshToken={0}
                  error={problems.get(`input.${spec.name}`)}
                  readOnly={readOnly}
                />
              ))}
            </section>
          ) : null}
          {choice.polls ? (
            <PollSettings
              config={config}
              connectorTitle={choice.connector.title}
              status={polling}
              onChange={setConfig}
              problems={problems}
              readOnly={readOnly}
            />
          ) : null}
          <TriggerSampleSection
            trigger={trigger}
            choice={choice}
            organisation={own.find((connection) => connection.id === config.connectionId)?.name}
            readOnly={readOnly}
            onLoaded={(sample) => onChange({ ...trigger, sample })}
          />
        </>
      ) : null}
    </div>
  );
}
