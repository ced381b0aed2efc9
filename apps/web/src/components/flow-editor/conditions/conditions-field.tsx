"use client";

import { MAX_CONDITION_GROUPS, MAX_CONDITIONS_PER_GROUP } from "@ledgerflow/engine";
import { PlusIcon } from "lucide-react";
import { Fragment, useEffect, useId, useState } from "react";
import { Button } from "../../ui/button";
import type { FieldInputProps } from "../field-input";
import { ConditionRow } from "./condition-row";
import {
  addCondition,
  addGroup,
  type ConditionGroupsDraft,
  type ConditionPlace,
  readConditionGroups,
  removeCondition,
  updateCondition,
  writeConditionGroups,
} from "./conditions-value";

/**
 * A `conditions` field (a Filter's "Only continue if"), built as Zapier users know it: rows of
 * "value · how to compare · with what", "+ And" for one more condition in a group (every one must
 * hold), "+ Or" for another group (any one group holding is enough). An empty field starts with one
 * empty row. After adding or removing, the focus goes where the person will type next.
 */
export function ConditionsField({ spec, value, onChange, groups, error, readOnly }: FieldInputProps) {
  const id = useId();
  const [focusId, setFocusId] = useState<string | null>(null);
  const conditionGroups = readConditionGroups(value);
  const several = conditionGroups.length > 1;
  const helpId = spec.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const valueId = (at: ConditionPlace) => `${id}-g${at.group}-c${at.condition}`;
  const andId = (group: number) => `${id}-g${group}-and`;

  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(focusId);
    if (!element) return;
    element.focus();
    setFocusId(null);
  });

  const set = (next: ConditionGroupsDraft, focus?: string) => {
    onChange(writeConditionGroups(next));
    if (focus) setFocusId(focus);
  };
  const remove = (at: ConditionPlace) => {
    const next = removeCondition(conditionGroups, at);
    const groupLeft = next.length === conditionGroups.length;
    // The row before it, else the group's "+ And", else the first row (a new empty one when none is left).
    const focus = groupLeft
      ? at.condition > 0
        ? valueId({ group: at.group, condition: at.condition - 1 })
        : valueId({ group: at.group, condition: 0 })
      : at.group > 0
        ? andId(at.group - 1)
        : valueId({ group: 0, condition: 0 });
    set(next, focus);
  };

  return (
    <fieldset
      disabled={readOnly}
      aria-describedby={[errorId, helpId].filter(Boolean).join(" ") || undefined}
      className="@container flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3"
    >
      <legend className="px-1 text-sm font-medium text-slate-800">
        {spec.label}
        {spec.required ? (
          <span className="ml-0.5 text-red-600" title="Required">
            *<span className="sr-only"> (required)</span>
          </span>
        ) : null}
      </legend>
      {spec.help ? (
        <p id={helpId} className="-mt-1 text-xs leading-relaxed text-slate-600">
          {spec.help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}

      {conditionGroups.map((conditions, group) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity of their own; position is what the user edits
        <Fragment key={group}>
          {group > 0 ? <OrDivider /> : null}
          <div
            role="group"
            aria-label={several ? `Group ${group + 1}: every condition must hold` : "Every condition must hold"}
            className="flex flex-col gap-2"
          >
            {several ? <p className="text-xs font-medium text-slate-600">Group {group + 1}</p> : null}
            {conditions.map((condition, index) => {
              const at = { group, condition: index };
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own either
                <Fragment key={index}>
                  {index > 0 ? <p className="pl-1 text-xs font-semibold text-slate-600 uppercase">and</p> : null}
                  <ConditionRow
                    condition={condition}
                    onChange={(next) => set(updateCondition(conditionGroups, at, () => next))}
                    onRemove={() => remove(at)}
                    place={`Condition ${index + 1} of group ${group + 1}`}
                    valueId={valueId(at)}
                    groups={groups}
                    readOnly={readOnly}
                  />
                </Fragment>
              );
            })}
            {readOnly ? null : (
              <Button
                id={andId(group)}
                variant="secondary"
                size="sm"
                className="self-start"
                aria-label={`And: add a condition to group ${group + 1}`}
                disabled={conditions.length >= MAX_CONDITIONS_PER_GROUP}
                title={
                  conditions.length >= MAX_CONDITIONS_PER_GROUP
                    ? `At most ${MAX_CONDITIONS_PER_GROUP} conditions in a group`
                    : undefined
                }
                onClick={() =>
                  set(addCondition(conditionGroups, group), valueId({ group, condition: conditions.length }))
                }
              >
                <PlusIcon />
                And
              </Button>
            )}
          </div>
        </Fragment>
      ))}

      {readOnly ? null : (
        <div className="flex flex-col gap-1 border-t border-slate-200 pt-3">
          <Button
            variant="secondary"
            size="sm"
            className="self-start"
            aria-label="Or: add a group of conditions"
            disabled={conditionGroups.length >= MAX_CONDITION_GROUPS}
            onClick={() => set(addGroup(conditionGroups), valueId({ group: conditionGroups.length, condition: 0 }))}
          >
            <PlusIcon />
            Or
          </Button>
          <p className="text-xs text-slate-600">
            {conditionGroups.length >= MAX_CONDITION_GROUPS
              ? `At most ${MAX_CONDITION_GROUPS} groups.`
              : "Another group of conditions: any one group holding is enough."}
          </p>
        </div>
      )}
    </fieldset>
  );
}

function OrDivider() {
  return (
    <div className="flex items-center gap-3" role="separator" aria-label="or">
      <span className="h-px flex-1 bg-slate-300" />
      <span aria-hidden className="text-xs font-semibold text-slate-600 uppercase">
        or
      </span>
      <span className="h-px flex-1 bg-slate-300" />
    </div>
  );
}
