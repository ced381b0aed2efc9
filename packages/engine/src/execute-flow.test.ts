import { describe, expect, it } from "vitest";
import { StepError } from "./action-definition";
import { CallDeferredError } from "./call-deferred-error";
import { type ExecuteFlowHooks, executeFlow } from "./execute-flow";
import { type FlowDefinition, type FlowStep, upgradeFlowDefinition } from "./flow-definition";
import { createRecordingCatalog } from "./testing/recording-catalog";

const definition: FlowDefinition = upgradeFlowDefinition({
  schemaVersion: 2,
  trigger: { type: "webhook", config: {} },
  steps: [
    {
      key: "find_contact",
      action: "test.findOrCreateContact",
      connectionId: "conn-a",
      input: { Name: "{{trigger.body.customer}}", EmailAddress: "{{trigger.body.email}}" },
    },
    {
      key: "invoice",
      action: "test.createInvoice",
      connectionId: "conn-b",
      input: {
        ContactID: "{{steps.find_contact.ContactID}}",
        DueDate: "{{trigger.body.due}}",
        LineItems: {
          $each: "{{trigger.body.lines}}",
          as: "line",
          map: { Description: "{{line.name}}", Quantity: "{{line.qty}}", UnitAmount: "{{line.price}}" },
        },
      },
    },
  ],
});

const trigger = {
  body: {
    customer: "Ana's Bakery",
    email: "ana@example.com",
    due: "2026-12-01T09:00:00Z",
    lines: [
      { name: "Bread", qty: "2", price: "4.50" },
      { name: "Cake", qty: 1, price: 30 },
    ],
  },
};

/** Hooks that write down what the worker would persist, in order. */
function recordingHooks() {
  const events: string[] = [];
  const inputs: Record<string, unknown> = {};
  const errors: StepError[] = [];
  const hooks: ExecuteFlowHooks = {
    onStepStart(step, input) {
      events.push(`start ${step.key}`);
      inputs[step.key] = input;
    },
    onStepSucceeded(step, _output, durationMs) {
      expect(durationMs).toBeGreaterThanOrEqual(0);
      events.push(`succeeded ${step.key}`);
    },
    onStepFailed(step, error) {
      events.push(`failed ${step.key} ${error.code}`);
      errors.push(error);
    },
    onStepReused(step) {
      events.push(`reused ${step.key}`);
    },
    onStepDeferred(step) {
      events.push(`deferred ${step.key}`);
    },
  };
  return { hooks, events, inputs, errors };
}

const clientFor = (step: FlowStep) => ({ organisation: step.connectionId });

describe("executeFlow", () => {
  it("runs steps in order, feeding outputs forward, with per-step idempotency keys and clients", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const { hooks, events, inputs } = recordingHooks();

    const result = await executeFlow({ definition, trigger, catalog, runId: "run-1", clientFor, hooks });

    expect(result).toEqual({
      status: "SUCCEEDED",
      outputs: {
        find_contact: { ContactID: "contact-1", Name: "Ana's Bakery", EmailAddress: "ana@example.com", created: true },
        invoice: { InvoiceID: "invoice-1", Total: 39 },
      },
    });
    expect(events).toEqual(["start find_contact", "succeeded find_contact", "start invoice", "succeeded invoice"]);
    expect(calls.map(({ action, idempotencyKey, client }) => ({ action, idempotencyKey, client }))).toEqual([
      { action: "test.findOrCreateContact", idempotencyKey: "run-1:find_contact", client: { organisation: "conn-a" } },
      { action: "test.createInvoice", idempotencyKey: "run-1:invoice", client: { organisation: "conn-b" } },
    ]);
    // The hook sees the resolved input; the action gets it validated and coerced.
    expect(inputs.invoice).toMatchObject({ DueDate: "2026-12-01T09:00:00Z", LineItems: [{ Quantity: "2" }, {}] });
    expect(calls[1]?.input).toEqual({
      ContactID: "contact-1",
      DueDate: "2026-12-01",
      LineItems: [
        { Description: "Bread", Quantity: 2, UnitAmount: 4.5 },
        { Description: "Cake", Quantity: 1, UnitAmount: 30 },
      ],
    });
  });

  it("reuses outputs of steps that already succeeded instead of calling them again", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const { hooks, events } = recordingHooks();

    const result = await executeFlow({
      definition,
      trigger,
      catalog,
      runId: "run-2",
      previousOutputs: { find_contact: { ContactID: "contact-from-before" } },
      clientFor,
      hooks,
    });

    expect(result.status).toBe("SUCCEEDED");
    expect(calls.map((call) => call.action)).toEqual(["test.createInvoice"]);
    expect(calls[0]?.input.ContactID).toBe("contact-from-before");
    expect(events).toEqual(["reused find_contact", "start invoice", "succeeded invoice"]);
  });

  it("repeats an earlier call's idempotency key for the step it is given for", async () => {
    const { catalog, calls } = createRecordingCatalog();
    // The earlier invoice call timed out: the resumed run sends the same key, so Xero deduplicates.
    await executeFlow({
      definition,
      trigger,
      catalog,
      runId: "run-3",
      idempotencyKeys: { invoice: "run-3-before:invoice" },
      clientFor,
    });
    expect(calls.map((call) => [call.action, call.idempotencyKey])).toEqual([
      ["test.findOrCreateContact", "run-3:find_contact"],
      ["test.createInvoice", "run-3-before:invoice"],
    ]);
  });

  it("writes once when a crashed run is executed again with the same run id", async () => {
    const { catalog, invoicesByKey } = createRecordingCatalog();
    await executeFlow({ definition, trigger, catalog, runId: "run-4", clientFor });
    const again = await executeFlow({ definition, trigger, catalog, runId: "run-4", clientFor });
    expect(invoicesByKey.size).toBe(1);
    expect(again.outputs.invoice).toEqual({ InvoiceID: "invoice-1", Total: 39 });
  });

  it("stops at the first failure and returns the connector's StepError as is", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const { hooks, events } = recordingHooks();
    const failing = upgradeFlowDefinition({
      ...definition,
      steps: [{ key: "broken", action: "test.failing", input: { mode: "retryable" } }, ...definition.steps],
    });

    const result = await executeFlow({ definition: failing, trigger, catalog, runId: "run-5", clientFor, hooks });

    expect(result.status).toBe("FAILED");
    expect(result.failedStep?.key).toBe("broken");
    expect(result.error).toBeInstanceOf(StepError);
    expect(result.error?.toJSON()).toEqual({
      message: "Account code '999' is not a valid code for this document.",
      code: "xero_validation",
      retryable: true,
      field: "AccountCode",
    });
    expect(calls).toHaveLength(1);
    expect(events).toEqual(["start broken", "failed broken xero_validation"]);
  });

  it("stops at a step the rate limits defer, keeping earlier outputs, without calling it or failing it", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const { hooks, events } = recordingHooks();
    const limited = (step: FlowStep) => {
      if (step.key === "invoice") throw new CallDeferredError("Xero's per-minute limit", 1_500);
      return clientFor(step);
    };

    const result = await executeFlow({ definition, trigger, catalog, runId: "run-d", clientFor: limited, hooks });

    expect(result.status).toBe("DEFERRED");
    expect(result.deferred).toEqual({ step: definition.steps[1], retryInMs: 1_500 });
    expect(result.error).toBeUndefined();
    expect(Object.keys(result.outputs)).toEqual(["find_contact"]);
    expect(calls.map((call) => call.action)).toEqual(["test.findOrCreateContact"]);
    expect(events).toEqual(["start find_contact", "succeeded find_contact", "start invoice", "deferred invoice"]);
  });

  it("wraps unexpected exceptions as a non-retryable internal error without leaking their message", async () => {
    const { catalog } = createRecordingCatalog();
    const crashing = upgradeFlowDefinition({
      ...definition,
      steps: [{ key: "crash", action: "test.failing", input: { mode: "crash" } }],
    });
    const { error } = await executeFlow({ definition: crashing, trigger, catalog, runId: "run-6", clientFor });
    expect(error?.code).toBe("internal");
    expect(error?.retryable).toBe(false);
    expect(error?.message).not.toContain("secret");
    expect(error?.cause).toBeInstanceOf(TypeError);
  });

  it("fails a step with invalid input before calling it, naming the field and its source", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const { hooks, events, inputs } = recordingHooks();
    const result = await executeFlow({
      definition,
      trigger: { body: { ...trigger.body, lines: [{ name: "Bread" }, { name: "Cake", price: "free" }] } },
      catalog,
      runId: "run-7",
      clientFor,
      hooks,
    });

    expect(calls.map((call) => call.action)).toEqual(["test.findOrCreateContact"]);
    expect(events).toEqual([
      "start find_contact",
      "succeeded find_contact",
      "start invoice",
      "failed invoice invalid_input",
    ]);
    expect(inputs.invoice).toBeDefined();
    expect(result.error?.field).toBe("LineItems[0].UnitAmount");
    expect(result.error?.message).toBe(
      "Unit price (Line items, row 1) is required, but {{line.price}} (trigger.body.lines.0.price) was empty (and 1 more problem)",
    );
    expect(result.error?.details?.problems).toEqual([
      expect.objectContaining({ field: "LineItems[0].UnitAmount", sourcePath: "trigger.body.lines.0.price" }),
      expect.objectContaining({ field: "LineItems[1].UnitAmount", sourcePath: "trigger.body.lines.1.price" }),
    ]);
  });

  it("fails a step whose action is not in the catalog", async () => {
    const { catalog } = createRecordingCatalog();
    const { hooks, events } = recordingHooks();
    const unknown = upgradeFlowDefinition({
      ...definition,
      steps: [{ key: "gone", action: "test.removedAction", input: {} }],
    });
    const result = await executeFlow({ definition: unknown, trigger, catalog, runId: "run-8", clientFor, hooks });
    expect(result.error?.code).toBe("unknown_action");
    expect(events).toEqual(["failed gone unknown_action"]);
  });

  it("turns a failure to get the connection's client into the step's failure", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const reconnect = new StepError('Reconnect the Xero connection "Demo Company (NZ)" on the Connections page.', {
      code: "connection_needs_reconnect",
    });
    const result = await executeFlow({
      definition,
      trigger,
      catalog,
      runId: "run-9",
      clientFor: () => Promise.reject(reconnect),
    });
    expect(result.error).toBe(reconnect);
    expect(calls).toHaveLength(0);
  });

  it("stops with a retryable error when aborted", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const controller = new AbortController();
    const result = await executeFlow({
      definition,
      trigger,
      catalog,
      runId: "run-10",
      clientFor,
      signal: controller.signal,
      hooks: { onStepSucceeded: () => controller.abort() },
    });
    expect(calls).toHaveLength(1);
    expect(result.failedStep?.key).toBe("invoice");
    expect(result.error).toMatchObject({ code: "aborted", retryable: true });
  });

  it("lets a hook's own failure reach the caller instead of failing the step", async () => {
    const { catalog } = createRecordingCatalog();
    const databaseDown = new Error("database unavailable");
    await expect(
      executeFlow({
        definition,
        trigger,
        catalog,
        runId: "run-11",
        clientFor,
        hooks: {
          onStepStart: () => {
            throw databaseDown;
          },
        },
      }),
    ).rejects.toBe(databaseDown);
  });
});
