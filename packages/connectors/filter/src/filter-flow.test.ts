import {
  createCatalog,
  executeFlow,
  type FlowDefinition,
  testStep,
  upgradeFlowDefinition,
  validateFlowDefinitionForPublish,
} from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { filterConnector } from "./filter-connector";

// A shop's orders: only those over 1,000 (or any order from a wholesale customer) go on to a step
// after the filter. The step after it records that it ran, as a Xero call would.

const calls: unknown[] = [];
const after = {
  key: "test.record",
  kind: "action" as const,
  group: "Test",
  title: "Record",
  description: "Records its input.",
  needsConnection: false,
  fields: [{ name: "total", label: "Total", type: "string" as const }],
  outputSample: {},
  async run(_ctx: unknown, input: Record<string, unknown>) {
    calls.push(input);
    return { recorded: true };
  },
};
const catalog = createCatalog([...filterConnector.actions, after]);

function flow(conditions: unknown): FlowDefinition {
  return upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body: { total: "1,200.50", tier: "retail" } } },
    steps: [
      { key: "big_orders", action: "filter.onlyContinueIf", input: { conditions } },
      { key: "record", action: "test.record", input: { total: "{{trigger.body.total}}" } },
    ],
  });
}

const bigOrWholesale = [
  { conditions: [{ left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 1000 }] },
  {
    conditions: [{ left: { label: "tier", value: "{{trigger.body.tier}}" }, operator: "text.is", right: "wholesale" }],
  },
];

async function run(definition: FlowDefinition, body: unknown) {
  calls.length = 0;
  return executeFlow({ definition, trigger: { body }, catalog, runId: "run-1", clientFor: () => undefined });
}

describe("Only continue if…", () => {
  it("lets a run on when a group holds, and says which conditions decided", async () => {
    const result = await run(flow(bigOrWholesale), { total: "1,200.50", tier: "retail" });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.outputs.big_orders).toMatchObject({
      passed: true,
      summary: 'Continued: total ("1,200.50" read as 1200.5) > 1000',
    });
    expect(calls).toHaveLength(1);
  });

  it("stops the run — FILTERED, not failed — with what was compared, and calls nothing after it", async () => {
    const result = await run(flow(bigOrWholesale), { total: 900, tier: "retail" });
    expect(result.status).toBe("FILTERED");
    expect(result.stopped?.step.key).toBe("big_orders");
    expect(result.stopped?.reason).toBe(
      'Stopped by filter: no group held (group 1: total (900) ≤ 1000; group 2: tier ("retail") is not "wholesale")',
    );
    expect(result.outputs.big_orders).toMatchObject({ passed: false, summary: result.stopped?.reason });
    expect(calls).toHaveLength(0);
  });

  it("reads a missing value as not holding, and explains it", async () => {
    const result = await run(flow(bigOrWholesale.slice(0, 1)), { tier: "wholesale" });
    expect(result.status).toBe("FILTERED");
    expect(result.stopped?.reason).toBe(
      'Stopped by filter: total (no value) is not a number, so "> 1000" does not hold',
    );
  });

  it("a resumed run reuses the filter's decision instead of deciding again", async () => {
    calls.length = 0;
    const result = await executeFlow({
      definition: flow(bigOrWholesale),
      trigger: { body: { total: 5 } },
      catalog,
      runId: "run-1",
      clientFor: () => undefined,
      previousOutputs: { big_orders: { passed: true, summary: "Continued: …", groups: [] } },
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(calls).toHaveLength(1);
  });

  it("Test shows the decision on the sample and that a run would stop there", async () => {
    const definition = flow([
      {
        conditions: [{ left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 5000 }],
      },
    ]);
    const result = await testStep({ definition, stepKey: "big_orders", catalog, clientFor: () => undefined });
    expect(result).toMatchObject({
      output: { passed: false },
      control: { type: "stop", reason: 'Stopped by filter: total ("1,200.50" read as 1200.5) ≤ 5000' },
    });
  });

  it("refuses to switch on a filter with no value to check or a right side its operator cannot read", () => {
    const definition = flow([
      {
        conditions: [
          { left: { label: "total" }, operator: "number.gt", right: 1000 },
          { left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: "lots" },
          {
            left: { label: "limit", value: "{{trigger.body.total}}" },
            operator: "number.lt",
            right: "{{trigger.body.limit}}",
          },
        ],
      },
    ]);
    const problems = validateFlowDefinitionForPublish(definition, catalog).map((problem) => problem.message);
    expect(problems).toEqual([
      "Only continue if in condition 1: choose the value to check",
      'Only continue if in condition 2: ">" needs a number like 1000 or 1,200.50, not "lots"',
    ]);
  });

  it("refuses to switch on a filter without conditions", () => {
    const problems = validateFlowDefinitionForPublish(flow([]), catalog).map((problem) => problem.message);
    expect(problems).toEqual(["Only continue if is required: enter a value or map one"]);
  });
});
