// One line on how conditions were decided, for a Filter's stop and a Path's choice alike: the
// holding group's conditions when they held, every failed one when they did not.
import type { ConditionsResult } from "./evaluate-conditions";

export function explainConditions(result: ConditionsResult): string {
  const several = result.groups.length > 1;
  if (result.passed) {
    const group = result.groups.find((candidate) => candidate.passed);
    return group?.conditions.map((condition) => condition.explanation).join(" and ") ?? "";
  }
  const failed = result.groups.map((group, index) => {
    const explanations = group.conditions.filter((condition) => !condition.passed).map((c) => c.explanation);
    return several ? `group ${index + 1}: ${explanations.join(" and ")}` : explanations.join(" and ");
  });
  return several ? `no group held (${failed.join("; ")})` : (failed[0] ?? "");
}
