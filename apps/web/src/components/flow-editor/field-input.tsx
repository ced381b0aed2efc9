"use client";

import type { DataPickerGroup, FieldSpec, MappingValue, TemplateContext } from "@ledgerflow/engine";
import { type RefObject, useRef } from "react";
import { Combobox } from "../ui/combobox";
import { Field, type FieldControlProps } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Textarea } from "../ui/textarea";
import { ConditionsField } from "./conditions/conditions-field";
import { DataPicker } from "./data-picker";
import { ListFieldEditor } from "./list-field-editor";
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
  const { spec, value, onChange, siblings, groups, error, readOnly } = props;
  const textRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  if (spec.type === "list") return <ListFieldEditor {...props} />;
  if (spec.type === "conditions") return <ConditionsField {...props} />;

  const insert = (reference: string) => {
    const current = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
    // Selects and booleans take the reference as their whole value; text gets it at the cursor.
    if (spec.type === "select" || spec.type === "boolean" || !textRef.current) return onChange(reference);
    const start = textRef.current.selectionStart ?? current.length;
    const end = textRef.current.selectionEnd ?? current.length;
    onChange(current.slice(0, start) + reference + current.slice(end));
  };

  return (
    <Field
      label={spec.label}
      help={spec.help}
      error={error}
      required={isRequired(spec, siblings)}
      action={
        // A trigger's own settings have no data to map from (no groups).
        readOnly || !isMappable(spec) || groups.length === 0 ? null : (
          <DataPicker groups={groups} onPick={insert} fieldLabel={spec.label} />
        )
      }
    >
      {(control) => <FieldControl {...props} control={control} textRef={textRef} />}
    </Field>
  );
}

function FieldControl({
  spec,
  value,
  onChange,
  siblings,
  connectionId,
  refreshToken,
  readOnly,
  control,
  textRef,
}: FieldInputProps & {
  control: FieldControlProps;
  textRef: RefObject<(HTMLInputElement & HTMLTextAreaElement) | null>;
}) {
  const text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const setText = (next: string) => onChange(next === "" ? undefined : next);

  if (spec.type === "select") {
    return (
      <SelectControl
        spec={spec}
        value={text}
        onChange={setText}
        siblings={siblings}
        connectionId={connectionId}
        refreshToken={refreshToken}
        readOnly={readOnly}
        control={control}
      />
    );
  }
  if (spec.type === "boolean") {
    const current = value === true ? "true" : value === false ? "false" : text;
    return (
      <Select
        {...control}
        disabled={readOnly}
        value={current === "true" || current === "false" ? current : undefined}
        onValueChange={(next) => onChange(next === "true")}
        options={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
        placeholder={current && current !== "true" && current !== "false" ? current : "Choose…"}
      />
    );
  }
  if (spec.type === "text") {
    return (
      <Textarea
        {...control}
        ref={textRef}
        readOnly={readOnly}
        rows={2}
        value={text}
        placeholder={spec.placeholder}
        onChange={(event) => setText(event.target.value)}
      />
    );
  }
  return (
    <Input
      {...control}
      ref={textRef}
      readOnly={readOnly}
      value={text}
      inputMode={spec.type === "number" ? "decimal" : undefined}
      placeholder={spec.placeholder ?? (spec.type === "date" ? "YYYY-MM-DD or {{…}}" : undefined)}
      onChange={(event) => setText(event.target.value)}
    />
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
        placeholder={placeholder}
        options={choices.map((option) => ({ value: option.value, label: option.label, hint: option.hint }))}
        emptyText={loaded.error ?? "No choices found."}
      />
      {loaded.error ? <p className="text-xs text-amber-700">{loaded.error}</p> : null}
    </>
  );
}
