"use client";

import type { DataPickerGroup, MappingValue, RightKind } from "@ledgerflow/engine";
import { XIcon } from "lucide-react";
import { type ClipboardEvent, type KeyboardEvent, useState } from "react";
import { Input } from "../../ui/input";
import { DataPicker } from "../data-picker";

interface RightValueInputProps {
  /** What the operator compares with; undefined until an operator is chosen. */
  kind: RightKind | undefined;
  value: MappingValue | undefined;
  onChange: (value: MappingValue | undefined) => void;
  /** "Condition 1 of group 1": the start of every control's name. */
  place: string;
  groups: DataPickerGroup[];
  readOnly: boolean;
  id: string;
}

const PLACEHOLDERS: Record<Exclude<RightKind, "none" | "texts">, string> = {
  text: "Text to compare with",
  number: "A number, e.g. 1000",
  date: "YYYY-MM-DD or {{…}}",
  days: "Number of days",
  count: "Number of items",
};

const NAMES: Record<Exclude<RightKind, "none">, string> = {
  text: "text to compare with",
  texts: "values it may be",
  number: "number to compare with",
  date: "date to compare with",
  days: "number of days",
  count: "number of items",
};

const asText = (value: MappingValue | undefined) =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * The right side of a condition, drawn for what its operator compares with: nothing ("is empty"),
 * a list of values ("is one of"), or one value typed as text — a number may be "1,200.50", a date
 * "2026-12-01" — or mapped with the data picker.
 */
export function RightValueInput(props: RightValueInputProps) {
  const { kind, value, onChange, place, groups, readOnly, id } = props;
  if (kind === "none") return null;
  if (kind === "texts") return <TextsInput {...props} />;
  const name = `${place}: ${kind ? NAMES[kind] : "value to compare with"}`;
  const unit = kind === "days" ? "days" : kind === "count" ? "items" : null;
  return (
    <div className="flex min-w-0 items-center gap-1">
      <Input
        id={id}
        aria-label={name}
        readOnly={readOnly}
        disabled={kind === undefined}
        value={asText(value)}
        inputMode={kind === "number" ? "decimal" : kind === "days" || kind === "count" ? "numeric" : undefined}
        placeholder={kind ? PLACEHOLDERS[kind] : "Choose how to compare first"}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      />
      {unit ? (
        <span aria-hidden className="text-sm text-slate-600">
          {unit}
        </span>
      ) : null}
      {readOnly || kind === undefined || groups.length === 0 ? null : (
        <DataPicker compact groups={groups} onPick={(reference) => onChange(reference)} fieldLabel={name} />
      )}
    </div>
  );
}

/** "Is one of": each value a chip; Enter or a comma adds what is typed, a pasted "a, b" adds both. */
function TextsInput({ value, onChange, place, groups, readOnly, id }: RightValueInputProps) {
  const [typed, setTyped] = useState("");
  const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asText);
  const name = `${place}: ${NAMES.texts}`;
  const set = (next: string[]) => onChange(next.length > 0 ? next : undefined);
  const add = (text: string) => {
    const added = text
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "" && !values.includes(item));
    if (added.length > 0) set([...values, ...added]);
    setTyped("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(typed);
    } else if (event.key === "Backspace" && typed === "" && values.length > 0) {
      set(values.slice(0, -1));
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text");
    if (!text.includes(",")) return;
    event.preventDefault();
    add(`${typed}${text}`);
  };

  return (
    <div role="group" aria-label={name} className="flex min-w-0 flex-col gap-1.5">
      {values.length > 0 ? (
        <ul aria-label={`${place}: chosen values`} className="flex flex-wrap gap-1.5">
          {values.map((item) => (
            <li
              key={item}
              className="inline-flex max-w-full items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-0.5 pl-2 text-sm text-slate-800"
            >
              <span className="truncate">{item}</span>
              {readOnly ? null : (
                <button
                  type="button"
                  aria-label={`Remove ${item} from ${place.toLowerCase()}`}
                  className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
                  onClick={() => set(values.filter((candidate) => candidate !== item))}
                >
                  <XIcon aria-hidden className="size-3.5" />
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="flex min-w-0 items-center gap-1">
          <Input
            id={id}
            aria-label={`${place}: add a value it may be`}
            value={typed}
            placeholder={values.length > 0 ? "Add another, then Enter" : "Type a value, then Enter"}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={() => add(typed)}
          />
          {groups.length === 0 ? null : (
            <DataPicker compact groups={groups} onPick={(reference) => add(reference)} fieldLabel={name} />
          )}
        </div>
      )}
    </div>
  );
}
