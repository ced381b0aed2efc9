// Help texts that show a mapping ("e.g. {{steps.create_invoice.InvoiceID}}") cannot know the keys
// of the flow they are read in. A connector writes the action instead of the key —
// `{{steps[xero.createInvoice].InvoiceID}}` — and the editor fills in the key of the nearest earlier
// step of that action, or names the action in words when the flow has none. The engine knows no
// connector: it only matches action keys.
import type { Catalog } from "./catalog";
import { type FlowNode, isPathsStep } from "./flow-definition";

/** `{{steps[<action key>].<path>}}`: never a reference itself (brackets hold only digits in paths). */
const ACTION_REFERENCE = /\{\{steps\[([\w.-]+)\]\.([^{}\s]+)\}\}/g;

/**
 * `help` with each `{{steps[action].path}}` made `{{steps.<key>.path}}` for the last step in
 * `before` (what has run when the edited step runs) that calls that action, or else
 * "the path of a “Title” step".
 */
export function fillHelpStepKeys(help: string, before: readonly FlowNode[], catalog: Catalog): string {
  return help.replace(ACTION_REFERENCE, (_, action: string, path: string) => {
    const step = before.findLast((node) => !isPathsStep(node) && node.action === action);
    if (step) return `{{steps.${step.key}.${path}}}`;
    const title = catalog.get(action)?.title;
    return title ? `the ${path} of a “${title}” step` : `the ${path} of an earlier step`;
  });
}
