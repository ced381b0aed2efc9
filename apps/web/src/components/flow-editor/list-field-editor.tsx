"use client";

import {
  type EachMapping,
  formatPath,
  isEachMapping,
  isFieldHidden,
  listItemReferences,
  type MappingObject,
  type MappingValue,
  parsePath,
  wholeTemplateExpression,
} from "@ledgerflow/engine";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "../ui/button";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "../ui/tabs";
import { FieldInput, type FieldInputProps } from "./field-input";
import { ReferencePill } from "./reference-pill";
import { describeReference } from "./template-segments";

const ITEM_NAME = "line";

/** `lines[0]` → `lines.0`: the data picker's form, which the pill looks up. */
const normalised = (path: string) => {
  const segments = parsePath(path);
  return segments ? formatPath(segments) : path;
};

function asRecord(value: MappingValue | undefined): MappingObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isEachMapping(value)
    ? (value as MappingObject)
    : {};
}

/**
 * A `list` field (invoice lines): either lines typed in one by one, or one line per item of a list
 * from the trigger or an earlier step (`$each`), each line mapped from `{{line.…}}`.
 */
export function ListFieldEditor(props: FieldInputProps) {
  const { spec, value, onChange, readOnly, error, warning } = props;
  const itemFields = spec.itemFields ?? [];
  const mode = isEachMapping(value) ? "each" : "rows";
  const rows = Array.isArray(value) ? value.map(asRecord) : [];

  const switchMode = (next: string) => {
    if (next === mode) return;
    onChange(
      next === "each"
        ? { $each: "", as: ITEM_NAME, map: rows[0] ?? {} }
        : [asRecord(isEachMapping(value) ? value.map : undefined)],
    );
  };

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">
        {spec.label}
        {spec.required ? (
          <span className="ml-0.5 text-slate-500" title="Required">
            *<span className="sr-only"> (required)</span>
          </span>
        ) : null}
      </legend>
      {spec.help ? <p className="-mt-1 text-xs text-slate-500">{spec.help}</p> : null}
      {error ? (
        <p role="alert" className="text-sm whitespace-pre-line text-red-700">
          {error}
        </p>
      ) : warning ? (
        <p className="text-sm text-amber-800">{warning}</p>
      ) : null}
      <Tabs value={mode} onValueChange={switchMode}>
        <TabsList aria-label={`How to fill ${spec.label}`}>
          <TabsTrigger value="rows" disabled={readOnly}>
            Enter lines
          </TabsTrigger>
          <TabsTrigger value="each" disabled={readOnly}>
            One per item of a list
          </TabsTrigger>
        </TabsList>
        {/* Inside the tabs, so each tab controls its panel (aria-controls names a panel that exists). */}
        <TabsContent value="rows" className="mt-3">
          <RowsEditor {...props} itemFields={itemFields} rows={rows} />
        </TabsContent>
        <TabsContent value="each" className="mt-3">
          {mode === "each" ? <EachEditor {...props} itemFields={itemFields} mapping={value as EachMapping} /> : null}
        </TabsContent>
      </Tabs>
    </fieldset>
  );
}

function RowsEditor({
  rows,
  itemFields,
  onChange,
  readOnly,
  spec,
  ...props
}: FieldInputProps & { rows: MappingObject[]; itemFields: NonNullable<FieldInputProps["spec"]["itemFields"]> }) {
  const setRow = (index: number, row: MappingObject) =>
    onChange(rows.map((current, at) => (at === index ? row : current)));
  return (
    <div className="flex flex-col gap-3">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own; position is what the user edits
        <div key={index} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium text-slate-700">Line {index + 1}</p>
            {readOnly ? null : (
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Remove line ${index + 1}`}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                <Trash2Icon />
              </Button>
            )}
          </div>
          <ItemFields
            {...props}
            spec={spec}
            readOnly={readOnly}
            fields={itemFields}
            record={row}
            onRecordChange={(next) => setRow(index, next)}
            line={index}
          />
        </div>
      ))}
      {readOnly ? null : (
        <Button variant="secondary" size="sm" className="self-start" onClick={() => onChange([...rows, {}])}>
          <PlusIcon />
          Add a line
        </Button>
      )}
    </div>
  );
}

function EachEditor({
  mapping,
  itemFields,
  onChange,
  groups,
  sampleContext,
  readOnly,
  spec,
  ...props
}: FieldInputProps & { mapping: EachMapping; itemFields: NonNullable<FieldInputProps["spec"]["itemFields"]> }) {
  const lists = groups.flatMap((group) =>
    group.references.filter((reference) => reference.type === "list").map((reference) => ({ reference, group })),
  );
  const sourcePath = wholeTemplateExpression(mapping.$each)?.trim();
  const itemGroups = sourcePath ? listItemReferences(sampleContext, [{ source: mapping.$each, as: mapping.as }]) : [];

  return (
    <div className="flex flex-col gap-3">
      <Field
        label="List to go through"
        help={`Each item becomes one line; map its fields from {{${mapping.as}.…}}.`}
        required
      >
        {(control) => (
          <Combobox
            {...control}
            disabled={readOnly}
            value={sourcePath ?? null}
            valueContent={
              sourcePath ? <ReferencePill reference={describeReference(normalised(sourcePath), groups)} /> : undefined
            }
            onChange={(path) => onChange({ ...mapping, $each: `{{${path}}}` })}
            placeholder="Choose a list from the trigger or an earlier step"
            emptyText="No lists in the samples yet: add a trigger sample or test an earlier step."
            options={lists.map(({ reference, group }) => ({
              value: reference.path,
              label: reference.path,
              hint: reference.preview,
              group: group.title,
            }))}
          />
        )}
      </Field>
      <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <p className="text-sm font-medium text-slate-700">Each line</p>
        <ItemFields
          {...props}
          spec={spec}
          readOnly={readOnly}
          groups={[...itemGroups, ...groups]}
          sampleContext={sampleContext}
          fields={itemFields}
          record={asRecord(mapping.map)}
          onRecordChange={(map) => onChange({ ...mapping, map })}
          line={null}
        />
      </div>
    </div>
  );
}

/**
 * A failed test's errors on one line's field. Typed-in lines (`line` given) show their own; the one
 * template of "One per item of a list" (`line` null) shows every line's, naming the line.
 */
function lineFieldError(itemErrors: FieldInputProps["itemErrors"], line: number | null, name: string) {
  if (!itemErrors) return undefined;
  if (line !== null) return itemErrors[`${line}.${name}`];
  const messages = Object.entries(itemErrors).flatMap(([key, message]) => {
    const [at, field] = key.includes(".") ? key.split(".") : [undefined, key];
    return field === name ? [at === undefined ? message : `Line ${Number(at) + 1}: ${message}`] : [];
  });
  return messages.length > 0 ? messages.join(" ") : undefined;
}

function ItemFields({
  fields,
  record,
  onRecordChange,
  line,
  itemErrors,
  ...props
}: Omit<FieldInputProps, "value" | "onChange" | "siblings"> & {
  fields: NonNullable<FieldInputProps["spec"]["itemFields"]>;
  record: MappingObject;
  onRecordChange: (record: MappingObject) => void;
  /** The typed-in line these fields are (from 0), or null for the template of "One per item of a list". */
  line: number | null;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {fields
        .filter((field) => !isFieldHidden(field, record, fields))
        .map((field) => (
          <div
            key={field.name}
            // Where "Fix it in the editor" (?field=LineItems[1].AccountCode) finds the control to focus.
            data-field={`${props.spec.name}${line === null ? "[]" : `[${line}]`}.${field.name}`}
            className={field.type === "text" || field.type === "list" ? "sm:col-span-2" : undefined}
          >
            <FieldInput
              {...props}
              error={lineFieldError(itemErrors, line, field.name) ?? null}
              warning={null}
              spec={field}
              value={record[field.name]}
              siblings={record}
              onChange={(next) => {
                const { [field.name]: _removed, ...rest } = record;
                onRecordChange(next === undefined ? rest : { ...rest, [field.name]: next });
              }}
            />
          </div>
        ))}
    </div>
  );
}
