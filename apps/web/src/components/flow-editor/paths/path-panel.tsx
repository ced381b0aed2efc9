"use client";

import type { DataPickerGroup, FieldSpec, FlowPath, PublishProblem, TemplateContext } from "@ledgerflow/engine";
import { useState } from "react";
import { Field } from "../../ui/field";
import { Input } from "../../ui/input";
import { ConditionsField } from "../conditions/conditions-field";

interface PathPanelProps {
  path: FlowPath;
  /** What the data picker offers: the steps that have run when the Paths step decides (its `before`). */
  groups: DataPickerGroup[];
  sampleContext: TemplateContext;
  /** The Paths step's switch-on problems with this path's conditions. */
  problems: PublishProblem[];
  readOnly: boolean;
  onChange: (path: FlowPath) => void;
}

/** The path's conditions, as the Filter's builder takes them: groups of conditions, as mappings. */
const CONDITIONS_SPEC: FieldSpec = {
  name: "conditions",
  label: "Only take this path if…",
  type: "conditions",
  required: true,
  help: "Every condition in a group must hold; with several groups, any one group holding is enough.",
};

const NAME_LENGTH = 80;

/**
 * A path's side panel: its name (what run history says was taken: "Took: Card payments") and the
 * conditions that choose it, built with the Filter's condition builder. A name is never saved empty:
 * while the box is empty the last name stays, and leaving the box puts it back.
 */
export function PathPanel({ path, groups, sampleContext, problems, readOnly, onChange }: PathPanelProps) {
  const [name, setName] = useState(path.name);
  const conditionsError = problems.map((problem) => problem.message).join(" ") || undefined;

  return (
    <div className="flex flex-col gap-6">
      <Field
        label="Path name"
        required
        help="Run history names the path taken by it."
        error={name.trim() === "" ? "Name the path" : undefined}
      >
        {(control) => (
          <Input
            {...control}
            readOnly={readOnly}
            maxLength={NAME_LENGTH}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              const trimmed = event.target.value.trim();
              if (trimmed !== "") onChange({ ...path, name: trimmed });
            }}
            onBlur={() => setName(path.name)}
          />
        )}
      </Field>
      <ConditionsField
        spec={CONDITIONS_SPEC}
        value={path.conditions}
        onChange={(conditions) => onChange({ ...path, conditions: conditions ?? [] })}
        siblings={{}}
        groups={groups}
        sampleContext={sampleContext}
        connectionId={undefined}
        refreshToken={0}
        error={conditionsError}
        readOnly={readOnly}
      />
    </div>
  );
}
