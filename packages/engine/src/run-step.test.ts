import { describe, expect, it } from "vitest";
import { upgradeFlowDefinition } from "./flow-definition";
import { listActionSteps } from "./flow-steps";
import { prepareStep } from "./run-step";
import { createRecordingCatalog } from "./testing/recording-catalog";

const { catalog } = createRecordingCatalog();

describe("prepareStep", () => {
  it("asks for the list of an unfinished “one per item of a list” by the field's label", () => {
    const [step] = listActionSteps(
      upgradeFlowDefinition({
        schemaVersion: 2,
        trigger: { type: "webhook", config: {} },
        steps: [
          {
            key: "create_invoice",
            action: "test.createInvoice",
            input: { ContactID: "c-1", LineItems: { $each: "{{ }}", as: "line", map: { UnitAmount: 9 } } },
          },
        ],
      }),
    );
    const prepared = prepareStep(catalog, step!, { trigger: {}, steps: {} });
    expect(prepared.ok).toBe(false);
    expect(!prepared.ok && prepared.error.toJSON()).toMatchObject({
      code: "invalid_input",
      field: "LineItems",
      message: "Line items: choose the list to repeat over",
    });
  });
});
