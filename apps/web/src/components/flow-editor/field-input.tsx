"use client";

import type { DataPickerGroup, FieldSpec, MappingValue, TemplateContext } from "@ledgerflow/engine";
import { XIcon } from "lucide-react";
import { type ReactNode, useRef, useState } from "react";
import { Button } from "../ui/button";
import { Combobox } from "../ui/combobox";
import { Field, type FieldControlProps } from "../ui/field";
import { Select } from "../ui/select";
import { ConditionsField } from "./conditions/conditions-field";
import { DataPicker } from "./data-picker";
import { ListFieldEditor } from "./list-field-editor";
import { MappedTextInput, type MappedTextInputHandle } from "./mapped-text-input";
import { MappedValueLabel } from "./reference-pill";
import { describeReference, hasReferences, toSegments } from "./template-segments";
import { useFieldOptions } from "./use-field-options";

export interface FieldInputProps {
  spec: FieldSpec;
  value: MappingValue | undefined;
  onChange: (value: MappingValue | undefined) => void;
  /** The other fields of the same record (for `requiredWhen` and option loaders' `dependsOn`). */
  siblings: Record<string, MappingValue>;
  /** What the data picker offers for this field. */
  groups: DataPickerGroup[];
  /** The sample data behind `groups` (for `$each` items' own references). */
  sampleContext: TemplateContext;
  connectionId: string | undefined;
  refreshToken: number;
  error?: string | null;
  /** Something to check that does not block, e.g. a mapping its sample lacks (drawn in amber). */
  warning?: string | null;
  /** A list field's line errors from a failed test, by `<line>.<field>` (line from 0) or `<field>` (line unknown). */
  itemErrors?: Readonly<Record<string, string>>;
  readOnly: boolean;
}

function isRequired(spec: FieldSpec, siblings: Record<string, MappingValue>): boolean {
  if (spec.required) return true;
  return spec.requiredWhen ? siblings[spec.requiredWhen.field] === spec.requiredWhen.equals : false;
}

/** Fixed choices (a status, yes/no) are picked, not mapped: no data picker clutters them. */
function isMappable(spec: FieldSpec): boolean {
  if (spec.type === "boolean") return false;
  return !(spec.type === "select" && spec.options && "static" in spec.options);
}

/** One field of a step, drawn from its FieldSpec: label, help, required marker, control, data picker. */
export function FieldInput(props: FieldInputProps) {
  const { spec, value, onChange, siblings, groups, error, warning, readOnly } = props;
  const textRef = useRef<MappedTextInputHandle>(null);
  const [asText, setAsText] = useState(false);

  if (spec.type === "list") return <ListFieldEditor {...props} />;
  if (spec.type === "conditions") return <ConditionsField {...props} />;

  const text = textOf(value);
  const isText = spec.type !== "select" && spec.type !== "boolean";
  const insert = (reference: string) => {
    // Selects and booleans take the reference as their whole value; text gets it at the cursor.
    if (!isText || !textRef.current) return onChange(reference);
    textRef.current.insert(reference);
  };
  // The raw `{{…}}` text, for those who would rather type it: offered once there is a mapping.
  const showTextToggle = isText && (asText || hasReferences(toSegments(text)));
  // A trigger's own settings have no data to map from (no groups).
  const picker =
    readOnly || !isMappable(spec) || groups.length === 0 ? null : (
      <DataPicker groups={groups} onPick={insert} fieldLabel={spec.label} />
    );

  return (
    <Field
      label={spec.label}
      help={spec.help}
      error={error}
      warning={warning}
      required={isRequired(spec, siblings)}
      action={
        showTextToggle || picker ? (
          <div className="flex items-center gap-1">
            {showTextToggle ? (
              <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setAsText(!asText)}>
                {asText ? "Show as pills" : "Edit as text"}
              </Button>
            ) : null}
            {picker}
          </div>
        ) : null
      }
    >
      {(control) =>
        isText ? (
          <MappedTextInput
            control={control}
            label={spec.label}
            value={text}
            onChange={(next) => onChange(next === "" ? undefined : next)}
            groups={groups}
            multiline={spec.type === "text"}
            asText={asText}
            readOnly={readOnly}
            placeholder={spec.placeholder ?? (spec.type === "date" ? "YYYY-MM-DD or {{…}}" : undefined)}
            inputMode={spec.type === "number" ? "decimal" : undefined}
            handle={textRef}
          />
        ) : (
          <ChoiceControl {...props} control={control} />
        )
      }
    </Field>
  );
}

const textOf = (value: MappingValue | undefined) =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** A dropdown or a yes/no choice; a mapped value is drawn as its pills, with a × beside to remove it. */
function ChoiceControl(props: FieldInputProps & { control: FieldControlProps }) {
  const { spec, value, onChange, groups, readOnly, control } = props;
  const text = textOf(value);
  const segments = toSegments(text);
  const mapped = hasReferences(segments);
  const mappedLabel = mapped ? <MappedValueLabel segments={segments} groups={groups} /> : undefined;
  const references = segments.flatMap((segment) => (segment.kind === "reference" ? [segment.path] : []));
  const removeName =
    references.length === 1 && references[0] ? describeReference(references[0], groups).label : "the mapped value";
  const clear = () => onChange(undefined);

  let choice: ReactNode;
  if (spec.type === "boolean") {
    const current = value === true ? "true" : value === false ? "false" : undefined;
    choice = (
      <Select
        {...control}
        disabled={readOnly}
        value={current}
        onValueChange={(next) => onChange(next === "true")}
        options={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
        valueContent={mappedLabel ?? (text && current === undefined ? text : undefined)}
      />
    );
  } else {
    choice = (
      <SelectControl
        {...props}
        value={text}
        onChange={(next) => onChange(next === "" ? undefined : next)}
        valueContent={mappedLabel}
        onClear={mapped ? clear : undefined}
      />
    );
  }
  if (!mapped || readOnly) return choice;
  return (
    <div className="flex items-center gap-1">
      <div className="min-w-0 flex-1">{choice}</div>
      <Button variant="ghost" size="icon" className="size-9" aria-label={`Remove ${removeName}`} onClick={clear}>
        <XIcon />
      </Button>
    </div>
  );
}

interface SelectControlProps {
  spec: FieldSpec;
  value: string;
  onChange: (value: string) => void;
  siblings: Record<string, MappingValue>;
  connectionId: string | undefined;
  refreshToken: number;
  readOnly: boolean;
  control: FieldControlProps;
  /** A mapped value's pills, drawn as the chosen value. */
  valueContent?: ReactNode;
  onClear?: () => void;
}

/** A dropdown with static choices or choices loaded from the step's Xero organisation. */
function SelectControl({
  spec,
  value,
  onChange,
  siblings,
  connectionId,
  refreshToken,
  readOnly,
  control,
  valueContent,
  onClear,
}: SelectControlProps) {
  const options = spec.options;
  const loader = options && "loader" in options ? options.loader : undefined;
  const dependsOn = Object.fromEntries(
    (options && "loader" in options ? (options.dependsOn ?? []) : []).map((name) => [name, siblings[name]]),
  );
  const loaded = useFieldOptions(loader, connectionId, dependsOn, refreshToken);
  const choices = options && "static" in options ? options.static : loaded.options;

  const placeholder = loader
    ? !connectionId
      ? "Choose a Xero organisation first"
      : loaded.loading
        ? "Loading from Xero…"
        : "Choose…"
    : "Choose…";

  return (
    <>
      <Combobox
        {...control}
        disabled={readOnly}
        value={value || null}
        onChange={onChange}
        valueContent={valueContent}
        onClear={onClear}
        placeholder={placeholder}
        options={choices.map((option) => ({ value: option.value, label: option.label, hint: option.hint }))}
        emptyText={loaded.error ?? "No choices found."}
      />
      {loaded.error ? <p className="text-xs text-amber-700">{loaded.error}</p> : null}
    </>
  );
}
