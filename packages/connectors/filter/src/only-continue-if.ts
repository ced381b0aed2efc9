// "Only continue if…": the run goes on when any group of conditions holds (every condition of a
// group must), and stops here otherwise. The output keeps every condition's explanation, so run
// history shows what was compared — "total ("1,200.50" read as 1200.5) > 1000" — either way.
import { type ConditionsResult, defineAction, evaluateConditions, explainConditions, field } from "@ledgerflow/engine";

export interface FilterOutput {
  passed: boolean;
  /** One line: why the run went on, or why it stopped. */
  summary: string;
  groups: ConditionsResult["groups"];
}

const fields = {
  conditions: field.conditions({
    label: "Only continue if",
    required: true,
    help: "Every condition in a group must hold; when any group holds, the run goes on.",
  }),
};

export const onlyContinueIf = defineAction<undefined, typeof fields, FilterOutput>({
  key: "filter.onlyContinueIf",
  kind: "action",
  group: "Filter",
  title: "Only continue if…",
  description: "Stops the run here unless the conditions hold. A stopped run is not a failure.",
  needsConnection: false,
  fields,
  outputSample: {
    passed: true,
    summary: "Continued: total (1200.5) > 1000",
    groups: [{ passed: true, conditions: [{ passed: true, explanation: "total (1200.5) > 1000" }] }],
  },
  async run(ctx, input) {
    // "Today" for "within the last N days" is the flow's.
    const result = evaluateConditions(input.conditions, new Date(), ctx.timeZone);
    const summary = `${result.passed ? "Continued" : "Stopped by filter"}: ${explainConditions(result)}`;
    if (!result.passed) ctx.flow.stop(summary);
    return { passed: result.passed, summary, groups: result.groups };
  },
});
