// Decides a Filter's or a Path's conditions: a group holds when all its conditions hold (AND), the
// whole when any group holds (OR). Every condition is decided and explained, even after the outcome
// is known, so run history can show each one the bookkeeper wrote — and the result never depends on
// the order in which checks stopped.
import type { ConditionGroups } from "./condition-schema";
import { type ConditionResult, evaluateCondition, type Today } from "./evaluate-condition";
import { type DayNumber, today } from "./read-date";

export interface GroupResult {
  passed: boolean;
  conditions: ConditionResult[];
}

export interface ConditionsResult {
  passed: boolean;
  groups: GroupResult[];
}

/**
 * `now` and `timeZone` (the flow's, IANA) fix what "today" is for "within the last/next N days"; the
 * same conditions, values, `now` and zone always give the same result.
 */
export function evaluateConditions(groups: ConditionGroups, now = new Date(), timeZone = "UTC"): ConditionsResult {
  let day: DayNumber | undefined;
  const todayOnce: Today = () => {
    day ??= today(now, timeZone);
    return day;
  };
  const results = groups.map((group): GroupResult => {
    const conditions = group.conditions.map((condition) => evaluateCondition(condition, todayOnce));
    return { passed: conditions.every((condition) => condition.passed), conditions };
  });
  return { passed: results.some((group) => group.passed), groups: results };
}
