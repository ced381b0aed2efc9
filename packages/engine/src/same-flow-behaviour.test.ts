import { describe, expect, it } from "vitest";
import type { FlowDefinition, FlowStep } from "./flow-definition";
import { sameFlowBehaviour } from "./same-flow-behaviour";

const definition: FlowDefinition = {
  schemaVersion: 2,
  trigger: { type: "webhook", config: {}, sample: { body: { email: "a@b.co" } } },
  steps: [
    { key: "find_contact", action: "xero.findContact", input: { Name: "{{trigger.body.name}}", matchBy: "Name" } },
  ],
};

describe("sameFlowBehaviour", () => {
  it("ignores key order (jsonb reorders keys) and the trigger's sample", () => {
    const stored = JSON.parse(
      JSON.stringify({
        trigger: { config: {}, type: "webhook" },
        steps: [
          {
            input: { matchBy: "Name", Name: "{{trigger.body.name}}" },
            action: "xero.findContact",
            key: "find_contact",
          },
        ],
        schemaVersion: 2,
      }),
    ) as FlowDefinition;
    expect(sameFlowBehaviour(definition, stored)).toBe(true);
  });

  it("ignores the run title: the history reads it from the draft, so it needs no publishing", () => {
    expect(sameFlowBehaviour(definition, { ...definition, runTitle: "Order {{trigger.body.order_id}}" })).toBe(true);
    expect(sameFlowBehaviour(definition, { ...definition, timeZone: "Pacific/Auckland" })).toBe(false);
  });

  it("sees a changed field, a new step and a changed trigger", () => {
    const changedField = structuredClone(definition);
    (changedField.steps[0] as FlowStep).input.Name = "{{trigger.body.company}}";
    expect(sameFlowBehaviour(definition, changedField)).toBe(false);
    expect(
      sameFlowBehaviour(definition, {
        ...definition,
        steps: [...definition.steps, { key: "invoice", action: "xero.createInvoice", input: {} }],
      }),
    ).toBe(false);
    expect(sameFlowBehaviour(definition, { ...definition, trigger: { type: "manual", config: {} } })).toBe(false);
  });
});
