// A `conditions` field (a Filter's, later a Path's): read at run time once its mappings are resolved,
// and checked at switch-on while its values are still mappings — so a filter that cannot be decided
// is refused before it meets a run.
import type { z } from "zod";
import { type ConditionGroups, conditionGroupsSchema } from "./condition-schema";

export type ReadConditions = { ok: true; value: ConditionGroups } | { ok: false; reason: string };

/** The resolved conditions, or why they cannot be decided ("in condition 2, …"). */
export function readConditions(value: unknown): ReadConditions {
  const parsed = conditionGroupsSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: describeIssue(parsed.error.issues[0], value) };
}

/**
 * What keeps stored conditions from being decided. A mapped value (left, or a mapped right side) is
 * only known at run time, so only what is written by hand is checked; every condition needs a value
 * to check.
 */
export function conditionsProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const problems: string[] = [];
  value.forEach((group, groupIndex) => {
    const conditions = (group as { conditions?: unknown } | null)?.conditions;
    if (!Array.isArray(conditions)) return;
    conditions.forEach((condition, conditionIndex) => {
      const left = (condition as { left?: { value?: unknown } } | null)?.left;
      if (left?.value === undefined || left.value === "") {
        problems.push(`${place([groupIndex, "conditions", conditionIndex], value)}: choose the value to check`);
      }
    });
  });
  const parsed = conditionGroupsSchema.safeParse(value);
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    if (isMappedRight(issue.path, value)) continue;
    problems.push(describeIssue(issue, value));
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, groups: unknown): string {
  if (!issue) return "cannot be read";
  const at = place(issue.path, groups);
  return at ? `${at}: ${issue.message}` : issue.message;
}

/** "condition 2" when there is one group, "group 2, condition 1" when there are more. */
function place(path: readonly PropertyKey[], groups: unknown): string {
  const [groupIndex, , conditionIndex] = path;
  if (typeof groupIndex !== "number") return "";
  const several = Array.isArray(groups) && groups.length > 1;
  const group = several ? `group ${groupIndex + 1}` : "";
  if (typeof conditionIndex !== "number") return group || "the conditions";
  const condition = `condition ${conditionIndex + 1}`;
  return several ? `in ${group}, ${condition}` : `in ${condition}`;
}

function isMappedRight(path: readonly PropertyKey[], groups: unknown): boolean {
  const [groupIndex, , conditionIndex, side] = path;
  if (side !== "right" || typeof groupIndex !== "number" || typeof conditionIndex !== "number") return false;
  const right = (groups as { conditions: { right?: unknown }[] }[])[groupIndex]?.conditions?.[conditionIndex]?.right;
  const values = Array.isArray(right) ? right : [right];
  return values.some((item) => typeof item === "string" && item.includes("{{"));
}
