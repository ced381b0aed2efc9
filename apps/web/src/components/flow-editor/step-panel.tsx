"use client";

import {
  type DataPickerGroup,
  defaultStepInput,
  type FlowStep,
  isFieldHidden,
  type MappingValue,
  type PublishProblem,
  parseFieldPath,
  type TemplateContext,
} from "@ledgerflow/engine";
import { RefreshCwIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { readStepError } from "../runs/read-step-error";
import { Button } from "../ui/button";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import { ConnectionPicker } from "./connection-picker";
import type { CatalogEntry, ConnectionChoice, StepSampleView } from "./editor-types";
import { FieldInput } from "./field-input";
import { StepPreview } from "./step-preview";
import { StepTestSection } from "./step-test-section";
import { testFieldErrors } from "./test-field-errors";
import { useRevealedErrors } from "./use-revealed-errors";

interface StepPanelProps {
  flowId: string;
  step: FlowStep;
  catalog: CatalogEntry[];
  connections: ConnectionChoice[];
  groups: DataPickerGroup[];
  sampleContext: TemplateContext;
  sample: StepSampleView | undefined;
  problems: PublishProblem[];
  /** Switching on (or publishing) was refused: every field's problem shows, touched or not. */
  revealProblems: boolean;
  /** Mappings to values the samples lack: shown under their fields, never blocking. */
  warnings: PublishProblem[];
  /** A help text with the flow's real step keys in it (help-step-keys.ts). */
  fillHelp: (help: string) => string;
  readOnly: boolean;
  onChange: (step: FlowStep) => void;
  /** Saves the draft now (the test runs what is saved). */
  flush: () => Promise<boolean>;
  onTested: (sample: StepSampleView) => void;
  /** A field to focus once the panel opens (`LineItems[1].AccountCode`), from "Fix it in the editor". */
  focusField?: string;
}

/** The top-level field a problem's path points at: `LineItems[0].UnitAmount` → `LineItems`. */
const topField = (path: string | undefined) => path?.split(/[.[]/)[0];

/** A step's side panel: its action, its Xero organisation, its fields, and the Test button. */
export function StepPanel(props: StepPanelProps) {
  const {
    flowId,
    step,
    catalog,
    connections,
    groups,
    sampleContext,
    sample,
    problems,
    revealProblems,
    warnings,
    fillHelp,
    readOnly,
    onChange,
    flush,
    onTested,
    focusField,
  } = props;
  const action = catalog.find((entry) => entry.key === step.action);
  const [refreshToken, setRefreshToken] = useState(0);

  const fieldErrors = new Map<string, string>();
  for (const problem of problems) {
    const name = topField(problem.field);
    if (name && !fieldErrors.has(name)) fieldErrors.set(name, problem.message);
  }
  const fieldWarnings = new Map<string, string>();
  for (const warning of warnings) {
    const name = topField(warning.field);
    if (name && !fieldWarnings.has(name)) fieldWarnings.set(name, warning.message);
  }
  const revealed = useRevealedErrors(step, fieldErrors, revealProblems);
  // A failed test's problems go on the fields (and lines) they name, over the switch-on checks', and
  // always show: the person asked for them.
  const tested = testFieldErrors(readStepError(sample?.error)?.fieldProblems ?? []);
  for (const [name, message] of tested.fields) revealed.shown.set(name, message);
  const errorOf = (name: string) => revealed.shown.get(name);

  useEffect(() => {
    if (!focusField) return;
    // The line's own field when it is drawn, else the template of "One per item of a list", else the list.
    const { field, item } = parseFieldPath(focusField);
    const target = [focusField, `${field}[].${item}`, field]
      .map((path) => document.querySelector(`[data-field="${CSS.escape(path)}"]`))
      .find(Boolean);
    target?.scrollIntoView({ block: "center" });
    // The control the field's label is for (the data picker's button sits before it), else the first one.
    const labelFor = target?.querySelector("label[for]")?.getAttribute("for");
    const control = labelFor ? document.getElementById(labelFor) : target?.querySelector<HTMLElement>("input, button");
    control?.focus();
  }, [focusField]);

  const setInput = (name: string, value: MappingValue | undefined) => {
    const { [name]: _removed, ...rest } = step.input;
    onChange({ ...step, input: value === undefined ? rest : { ...rest, [name]: value } });
  };

  return (
    <div className="flex flex-col gap-6" onBlur={revealed.touchOnLeave}>
      <Field label="Action" required error={errorOf("action")}>
        {(control) => (
          <Combobox
            {...control}
            disabled={readOnly}
            value={step.action}
            onChange={(key) => {
              // A connection of another app means nothing to the new action: it is chosen again.
              const { connectionId, ...rest } = step;
              const sameApp = key.split(".", 1)[0] === step.action.split(".", 1)[0];
              const input = defaultStepInput(catalog.find((entry) => entry.key === key)?.fields ?? []);
              onChange({ ...rest, action: key, input, ...(sameApp && connectionId ? { connectionId } : {}) });
            }}
            searchPlaceholder="Search actions…"
            options={catalog.map((entry) => ({ value: entry.key, label: entry.title, group: entry.group }))}
          />
        )}
      </Field>
      {action ? <p className="-mt-4 text-sm text-slate-500">{action.description}</p> : null}

      {action?.connection ? (
        <div data-field="connectionId" className="contents">
          <ConnectionPicker
            label={action.connection.label}
            addHref={`/connections?add=${action.connection.provider}`}
            addLabel={action.connection.addLabel}
            optional={action.connection.optional}
            connections={connections.filter((connection) => connection.provider === action.connection?.provider)}
            value={step.connectionId}
            onChange={(connectionId) => {
              const { connectionId: _previous, ...rest } = step;
              onChange(connectionId ? { ...rest, connectionId } : rest);
            }}
            error={errorOf("connectionId")}
            readOnly={readOnly}
          />
        </div>
      ) : null}

      {action ? (
        <section aria-label="Fields" className="flex flex-col gap-4">
          <div className="flex items-center justify-between border-t border-slate-200 pt-5">
            <h3 className="text-sm font-semibold text-slate-900">Fields</h3>
            {/* Dropdowns are loaded from a connected app: a step without one has nothing to refresh. */}
            {action.connection ? (
              <Button
                variant="ghost"
                size="sm"
                disabled={!step.connectionId}
                onClick={() => setRefreshToken((token) => token + 1)}
              >
                <RefreshCwIcon />
                Refresh fields
              </Button>
            ) : null}
          </div>
          {action.fields
            .filter((field) => !isFieldHidden(field, step.input, action.fields))
            .map((field) => (
              <div key={field.name} data-field={field.name} className="contents">
                <FieldInput
                  spec={{
                    ...field,
                    ...(field.help ? { help: fillHelp(field.help) } : {}),
                    ...(field.placeholder ? { placeholder: fillHelp(field.placeholder) } : {}),
                  }}
                  value={step.input[field.name]}
                  onChange={(value) => setInput(field.name, value)}
                  siblings={step.input}
                  groups={groups}
                  sampleContext={sampleContext}
                  connectionId={step.connectionId}
                  refreshToken={refreshToken}
                  error={errorOf(field.name)}
                  warning={fieldWarnings.get(field.name)}
                  itemErrors={tested.items.get(field.name)}
                  readOnly={readOnly}
                />
              </div>
            ))}
        </section>
      ) : null}

      {/* Steps that write nothing and reach no other app (Formatter, Filter) are worked out as you type. */}
      {action?.previewable ? <StepPreview flowId={flowId} step={step} /> : null}

      {action ? (
        <StepTestSection
          flowId={flowId}
          step={step}
          action={action}
          connections={connections}
          sample={sample}
          readOnly={readOnly}
          flush={() => {
            revealed.markTested();
            return flush();
          }}
          onTested={onTested}
        />
      ) : null}
    </div>
  );
}
