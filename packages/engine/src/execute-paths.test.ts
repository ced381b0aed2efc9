import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { listDataReferences } from "./data-picker";
import { executeFlow } from "./execute-flow";
import { defineAction } from "./fields/define-action";
import { field } from "./fields/field-builders";
import { type FlowDefinition, upgradeFlowDefinition } from "./flow-definition";
import { validateFlowDefinitionForPublish } from "./validate-flow-for-publish";

// A shop's payments: card payments go to the clearing account, bank transfers to the bank account,
// and big ones of either kind also to a person who approves them. Each action records that it ran.

const ran: string[] = [];
const record = defineAction({
  key: "test.record",
  kind: "action",
  group: "Test",
  title: "Record",
  description: "Records that it ran.",
  needsConnection: false,
  fields: { note: field.text({ label: "Note" }) },
  outputSample: { recorded: "" },
  async run(ctx, input) {
    ran.push(ctx.idempotencyKey.split(":")[1] ?? "");
    return { recorded: input.note ?? "" };
  },
});
const stopHere = defineAction({
  key: "test.stop",
  kind: "action",
  group: "Test",
  title: "Stop",
  description: "Stops its line, as a Filter that does not pass.",
  needsConnection: false,
  fields: {},
  outputSample: {},
  async run(ctx) {
    ctx.flow.stop("Stopped by filter: not today");
    return {};
  },
});
const catalog = createCatalog([record, stopHere]);

const is = (label: string, path: string, operator: string, right?: unknown) => [
  {
    conditions: [
      { left: { label, value: `{{trigger.body.${path}}}` }, operator, ...(right === undefined ? {} : { right }) },
    ],
  },
];
const step = (key: string, note = "") => ({ key, action: "test.record", input: { note } });

function paymentsFlow(extra: { runs?: "all" | "first"; otherwise?: boolean; cardSteps?: unknown[] } = {}) {
  return upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body: { method: "card", amount: 5000 } } },
    steps: [
      step("received"),
      {
        key: "by_method",
        type: "paths",
        runs: extra.runs ?? "all",
        paths: [
          {
            key: "card",
            name: "Card payments",
            conditions: is("method", "method", "text.is", "card"),
            steps: extra.cardSteps ?? [step("to_clearing", "{{steps.received.recorded}} card")],
          },
          {
            key: "transfer",
            name: "Transfers",
            conditions: is("method", "method", "text.is", "transfer"),
            steps: [step("to_bank")],
          },
          {
            key: "big",
            name: "Big payments",
            conditions: is("amount", "amount", "number.gt", 1000),
            steps: [step("approve")],
          },
        ],
        ...(extra.otherwise ? { otherwise: { steps: [step("ask_someone")] } } : {}),
      },
    ],
  });
}

async function run(definition: FlowDefinition, body: unknown, previousOutputs?: Record<string, unknown>) {
  ran.length = 0;
  return executeFlow({
    definition,
    trigger: { body },
    catalog,
    runId: "run",
    clientFor: () => undefined,
    previousOutputs,
  });
}

describe("Paths", () => {
  it("runs every path whose conditions hold, in order, and records which and why", async () => {
    const result = await run(paymentsFlow(), { method: "card", amount: 5000 });
    expect(result.status).toBe("SUCCEEDED");
    expect(ran).toEqual(["received", "to_clearing", "approve"]);
    expect(result.outputs.by_method).toEqual({
      taken: ["card", "big"],
      paths: [
        { key: "card", name: "Card payments", passed: true, explanation: 'method ("card") is "card"' },
        { key: "transfer", name: "Transfers", passed: false, explanation: 'method ("card") is not "transfer"' },
        { key: "big", name: "Big payments", passed: true, explanation: "amount (5000) > 1000" },
      ],
    });
  });

  it("runs only the first path that holds when set to", async () => {
    await run(paymentsFlow({ runs: "first" }), { method: "card", amount: 5000 });
    expect(ran).toEqual(["received", "to_clearing"]);
  });

  it("takes the otherwise path when no other holds, and stops — FILTERED, explained — when there is none", async () => {
    await run(paymentsFlow({ otherwise: true }), { method: "cash", amount: 10 });
    expect(ran).toEqual(["received", "ask_someone"]);

    const stopped = await run(paymentsFlow(), { method: "cash", amount: 10 });
    expect(stopped.status).toBe("FILTERED");
    expect(stopped.stopped).toEqual({
      step: { key: "by_method", action: "paths" },
      reason:
        'Stopped: no path\'s conditions held (Card payments: method ("cash") is not "card"; Transfers: method ("cash") is not "transfer"; Big payments: amount (10) ≤ 1000)',
    });
  });

  it("a Filter inside a path ends that path only; the run is FILTERED when every path it took ended so", async () => {
    const stopInCard = paymentsFlow({
      cardSteps: [{ key: "card_filter", action: "test.stop", input: {} }, step("to_clearing")],
    });
    const both = await run(stopInCard, { method: "card", amount: 5000 });
    expect(both.status).toBe("SUCCEEDED");
    expect(ran).toEqual(["received", "approve"]);

    const onlyCard = await run(stopInCard, { method: "card", amount: 5 });
    expect(onlyCard).toMatchObject({
      status: "FILTERED",
      stopped: { step: { key: "card_filter" }, reason: "Stopped by filter: not today" },
    });
  });

  it("a resumed run keeps the decision it took, even if the data would now decide otherwise", async () => {
    const decided = { taken: ["transfer"], paths: [] };
    const result = await run(
      paymentsFlow(),
      { method: "card", amount: 5 },
      { received: { recorded: "" }, by_method: decided },
    );
    expect(result.status).toBe("SUCCEEDED");
    expect(ran).toEqual(["to_bank"]);
  });

  it("a path's conditions that cannot be read fail the Paths step on the path's field", async () => {
    const definition = paymentsFlow();
    const broken = structuredClone(definition);
    Object.assign(broken.steps[1] as object, {
      paths: [{ key: "card", name: "Card payments", conditions: [{ conditions: [] }], steps: [step("x")] }],
    });
    const result = await run(broken, { method: "card" });
    expect(result).toMatchObject({
      status: "FAILED",
      failedStep: { key: "by_method", action: "paths" },
      error: { code: "invalid_input", field: "paths.card.conditions" },
    });
  });
});

describe("Paths at switch-on and in the data picker", () => {
  it("offers a path's steps only what has run on its own line", () => {
    const definition = paymentsFlow();
    const offered = listDataReferences({ definition, stepKey: "approve", catalog }).map((group) => group.key);
    expect(offered).toEqual(["trigger", "received", "by_method"]);
  });

  it("refuses a reference into another path, a path without conditions or steps, and says which", () => {
    const definition = upgradeFlowDefinition({
      schemaVersion: 2,
      trigger: { type: "webhook", config: {} },
      steps: [
        {
          key: "split",
          type: "paths",
          paths: [
            { key: "a", name: "A", conditions: is("method", "method", "text.isNotEmpty"), steps: [step("in_a")] },
            { key: "b", name: "B", conditions: [], steps: [step("in_b", "{{steps.in_a.recorded}}")] },
            { key: "c", name: "C", conditions: is("method", "method", "text.isEmpty"), steps: [] },
          ],
        },
      ],
    });
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      { stepKey: "split", field: "paths.b.conditions", message: 'Path "B": add the conditions that choose it' },
      { stepKey: "split", field: "paths.c.steps", message: 'Path "C" has no steps yet' },
      {
        stepKey: "in_b",
        field: "note",
        message:
          '{{steps.in_a.recorded}} refers to step "in_a", which is on another path and has not run when this step runs',
      },
    ]);
  });
});
