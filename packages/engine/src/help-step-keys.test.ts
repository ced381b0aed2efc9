import { describe, expect, it } from "vitest";
import { type FlowNode, upgradeFlowDefinition } from "./flow-definition";
import { fillHelpStepKeys } from "./help-step-keys";
import { createRecordingCatalog } from "./testing/recording-catalog";

const { catalog } = createRecordingCatalog();
const HELP = "The invoice, e.g. {{steps[test.createInvoice].InvoiceID}}. Leave empty to use its number.";

const steps = (...keys: [string, string][]): FlowNode[] =>
  upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: keys.map(([key, action]) => ({ key, action, input: {} })),
  }).steps;

describe("fillHelpStepKeys", () => {
  it("names the flow's own key of the nearest earlier step of the action", () => {
    const before = steps(["invoice_one", "test.createInvoice"], ["contact", "test.findOrCreateContact"]);
    expect(fillHelpStepKeys(HELP, before, catalog)).toBe(
      "The invoice, e.g. {{steps.invoice_one.InvoiceID}}. Leave empty to use its number.",
    );
    const two = steps(["first", "test.createInvoice"], ["create_invoice", "test.createInvoice"]);
    expect(fillHelpStepKeys(HELP, two, catalog)).toContain("{{steps.create_invoice.InvoiceID}}");
  });

  it("names the action in words when no earlier step calls it, and leaves other text alone", () => {
    expect(fillHelpStepKeys(HELP, [], catalog)).toBe(
      "The invoice, e.g. the InvoiceID of a “Create invoice” step. Leave empty to use its number.",
    );
    expect(fillHelpStepKeys("{{steps[nope.action].ID}}", [], catalog)).toBe("the ID of an earlier step");
    expect(fillHelpStepKeys("Map {{trigger.body.id}} here", [], catalog)).toBe("Map {{trigger.body.id}} here");
  });
});
