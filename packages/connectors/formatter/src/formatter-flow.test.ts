import { createCatalog, executeFlow, upgradeFlowDefinition } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { formatterConnector } from "./formatter-connector";

// Formatter steps chained as a run executes them: each maps the one before it, with no connection.
// The shop of issue 15 sends German amounts and its own payment method names.

const order = {
  total: "1.234,50",
  method: "Karte",
  placed: "31.01.2026",
  lines: [{ amount: "1000,00" }, { amount: "234,50" }],
};

const definition = upgradeFlowDefinition({
  schemaVersion: 2,
  trigger: { type: "webhook", config: {} },
  steps: [
    { key: "total", action: "formatter.parseNumber", input: { text: "{{trigger.body.total}}", locale: "de-DE" } },
    {
      key: "gst",
      action: "formatter.calculateExpression",
      input: { expression: "{{steps.total.value}} * 3 / 23", decimals: 2 },
    },
    {
      key: "account",
      action: "formatter.lookupValue",
      input: {
        value: "{{trigger.body.method}}",
        rows: [
          { from: "Karte", to: "090" },
          { from: "Überweisung", to: "091" },
        ],
        default: "099",
      },
    },
    {
      key: "placed",
      action: "formatter.parseDate",
      input: { text: "{{trigger.body.placed}}", format: "dayMonthYearDots", timeZone: "Europe/Berlin" },
    },
    {
      key: "due",
      action: "formatter.shiftDate",
      input: { date: "{{steps.placed.value}}", amount: 1, unit: "months", timeZone: "Europe/Berlin" },
    },
    {
      key: "lines",
      action: "formatter.joinList",
      input: { items: { $each: "{{trigger.body.lines}}", as: "line", map: { value: "{{line.amount}}" } } },
    },
  ],
});

describe("a flow of formatter steps", () => {
  it("runs without a connection, each step reading the one before", async () => {
    const result = await executeFlow({
      definition,
      trigger: { body: order },
      catalog: createCatalog(formatterConnector.actions),
      runId: "run-1",
      clientFor: () => undefined,
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.outputs).toMatchObject({
      total: { value: 1234.5 },
      gst: { value: 161.02 },
      account: { value: "090", matched: true },
      placed: { date: "2026-01-31", timeZone: "Europe/Berlin" },
      due: { date: "2026-02-28", value: "2026-02-28T00:00:00+01:00" },
      lines: { value: "1000,00, 234,50", count: 2 },
    });
  });

  it("stops at the step that cannot read its input, naming the field", async () => {
    const result = await executeFlow({
      definition,
      trigger: { body: { ...order, total: "1,234.50" } },
      catalog: createCatalog(formatterConnector.actions),
      runId: "run-2",
      clientFor: () => undefined,
    });
    expect(result.status).toBe("FAILED");
    expect(result.failedStep?.key).toBe("total");
    expect(result.error).toMatchObject({ code: "invalid_input", field: "text" });
  });
});
