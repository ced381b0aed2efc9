// What the Test section says of an action's test override (a draft instead of the step's status):
// whether it applies to the step as set up, the step's own value in words, and what a kept test sent.
import { readOwn, type TestOverride } from "@ledgerflow/engine";
import type { CatalogEntry, StepSampleView } from "./editor-types";

export interface StepOverride {
  override: TestOverride;
  /** The step's own value in the words of its dropdown: "Approved (awaiting payment)". */
  stepLabel: string;
}

/**
 * The action's override when it changes what this step would send: a step already set to the
 * override's value (a draft) tests as it is. A mapped value is known only at run time, so it may differ.
 */
export function stepOverride(action: CatalogEntry, input: Record<string, unknown>): StepOverride | undefined {
  const override = action.test?.override;
  if (!override) return undefined;
  const spec = action.fields.find((field) => field.name === override.field);
  const given = readOwn(input, override.field);
  const value = given === undefined || given === "" ? spec?.default : given;
  if (value === override.value) return undefined;
  const options = spec?.options && "static" in spec.options ? spec.options.static : [];
  const label = options.find((option) => option.value === value)?.label;
  return {
    override,
    stepLabel: label ?? (typeof value === "string" && value.includes("{{") ? "the mapped value" : String(value)),
  };
}

/** Whether the kept test sent the override's value rather than the step's own. */
export function testedWithOverride(applies: StepOverride | undefined, sample: StepSampleView | undefined): boolean {
  return applies !== undefined && readOwn(sample?.input, applies.override.field) === applies.override.value;
}
