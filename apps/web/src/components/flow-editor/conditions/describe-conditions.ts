import type { MappingValue } from "@ledgerflow/engine";
import { OPERATOR_CHOICES } from "./condition-operators";
import { type ConditionDraft, labelFor, readConditionGroups } from "./conditions-value";

// Conditions in one line of words, for where they are shown rather than edited (a path's summary in
// the editor): "total is greater than 100 and method is card, or tier is wholesale". A reference reads
// as its name, as the builder names it; what is not chosen yet reads as "…".

const WORDS = new Map(OPERATOR_CHOICES.map((choice) => [choice.key, choice.label]));

const show = (value: MappingValue | undefined): string => {
  if (value === undefined || value === null || value === "") return "…";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "string") return value.includes("{{") ? labelFor(value) : value;
  return typeof value === "object" ? "…" : String(value);
};

function describeCondition(condition: ConditionDraft): string {
  const left = condition.label || (condition.value ? labelFor(condition.value) : "…");
  const words = condition.operator ? (WORDS.get(condition.operator) ?? condition.operator) : "…";
  // "is within the last … days": the number goes where the dots are.
  if (words.includes("…")) return `${left} ${words.replace("…", show(condition.right))}`;
  return condition.right === undefined ? `${left} ${words}` : `${left} ${words} ${show(condition.right)}`;
}

/** The conditions in words, or undefined when there are none yet. */
export function describeConditions(value: MappingValue | undefined): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return readConditionGroups(value)
    .map((conditions) => conditions.map(describeCondition).join(" and "))
    .join(", or ");
}
