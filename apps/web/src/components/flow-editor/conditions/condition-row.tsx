"use client";

import type { DataPickerGroup } from "@ledgerflow/engine";
import { Trash2Icon } from "lucide-react";
import { Button } from "../../ui/button";
import { Combobox } from "../../ui/combobox";
import { Input } from "../../ui/input";
import { DataPicker } from "../data-picker";
import { MappedTextInput } from "../mapped-text-input";
import { OPERATOR_CHOICES, rightKindOf } from "./condition-operators";
import { type ConditionDraft, withOperator, withValue } from "./conditions-value";
import { RightValueInput } from "./right-value-input";

interface ConditionRowProps {
  condition: ConditionDraft;
  onChange: (condition: ConditionDraft) => void;
  onRemove: () => void;
  /** "Condition 1 of group 1": how each of its controls is named for screen readers. */
  place: string;
  /** The id of its value input, which the builder focuses after adding or removing a condition. */
  valueId: string;
  groups: DataPickerGroup[];
  readOnly: boolean;
}

const operatorOptions = OPERATOR_CHOICES.map((choice) => ({
  value: choice.key,
  label: choice.label,
  group: choice.group,
  hint: choice.hint,
}));

/**
 * One condition: the value to check (typed or picked from the data), how to compare it, and what
 * with. Its parts sit in a row where the panel is wide and stack where it is not; the name the run
 * history explains it by ("total") is shown once there is a value, and can be changed.
 */
export function ConditionRow({ condition, onChange, onRemove, place, valueId, groups, readOnly }: ConditionRowProps) {
  const kind = rightKindOf(condition.operator);
  const valueName = `${place}: value to check`;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-start gap-1">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <div className="flex min-w-0 items-center gap-1">
            {/* The value picked from the data reads as a pill, as in a step's fields. */}
            <MappedTextInput
              control={{ id: valueId, "aria-label": valueName }}
              label={valueName}
              value={condition.value}
              onChange={(value) => onChange(withValue(condition, value))}
              groups={groups}
              multiline={false}
              asText={false}
              readOnly={readOnly}
              placeholder="Value to check: insert data or type"
            />
            {readOnly || groups.length === 0 ? null : (
              <DataPicker
                compact
                groups={groups}
                fieldLabel={valueName}
                onPick={(reference) => onChange(withValue(condition, reference))}
              />
            )}
          </div>
          {condition.value !== "" || condition.label !== "" ? (
            <label className="flex min-w-0 items-center gap-2 text-xs text-slate-600">
              <span className="shrink-0">Named in run history</span>
              <Input
                aria-label={`${place}: named in run history`}
                readOnly={readOnly}
                value={condition.label}
                maxLength={100}
                className="h-7 max-w-56 text-xs"
                onChange={(event) => onChange({ ...condition, label: event.target.value })}
              />
            </label>
          ) : null}
        </div>
        {readOnly ? null : (
          <Button
            variant="ghost"
            size="icon"
            className="size-9"
            aria-label={`Remove ${place.toLowerCase()}`}
            onClick={onRemove}
          >
            <Trash2Icon />
          </Button>
        )}
      </div>
      <div className="grid gap-2 @md:grid-cols-2">
        <Combobox
          aria-label={`${place}: how to compare`}
          disabled={readOnly}
          value={condition.operator ?? null}
          onChange={(operator) =>
            onChange(withOperator(condition, operator as NonNullable<ConditionDraft["operator"]>))
          }
          placeholder="Choose how to compare…"
          searchPlaceholder="Search, e.g. greater"
          options={operatorOptions}
        />
        <RightValueInput
          id={`${valueId}-right`}
          kind={kind}
          value={condition.right}
          onChange={(right) => onChange({ ...condition, right })}
          place={place}
          groups={groups}
          readOnly={readOnly}
        />
      </div>
    </div>
  );
}
