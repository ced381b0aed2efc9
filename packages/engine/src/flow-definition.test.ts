import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  createEmptyFlowDefinition,
  type FlowStep,
  flowDefinitionSchema,
  upgradeFlowDefinition,
} from "./flow-definition";
import { findStep } from "./flow-steps";
import { createTrigger } from "./trigger-schema";

function issuesOf(json: unknown): { path: string; message: string }[] {
  const result = flowDefinitionSchema.safeParse(json);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const valid = {
  schemaVersion: 2,
  trigger: { type: "webhook", config: {}, sample: { body: { email: "a@b.co" } } },
  steps: [
    {
      key: "find_contact",
      action: "xero.findOrCreateContact",
      connectionId: "conn_1",
      input: { Name: "{{trigger.body.customer}}", EmailAddress: "{{trigger.body.email}}" },
    },
    {
      key: "invoice",
      action: "xero.createInvoice",
      connectionId: "conn_1",
      input: {
        ContactID: "{{steps.find_contact.ContactID}}",
        LineItems: {
          $each: "{{trigger.body.lines}}",
          as: "line",
          map: {
            Description: "{{line.name}}",
            Quantity: "{{line.qty}}",
            UnitAmount: "{{line.price}}",
            AccountCode: "200",
          },
        },
      },
    },
  ],
};

describe("flowDefinitionSchema", () => {
  it("accepts the example of docs/ARCHITECTURE.md §4 unchanged", () => {
    expect(upgradeFlowDefinition(valid)).toEqual(valid);
  });

  it("starts empty and finds steps by key", () => {
    expect(createEmptyFlowDefinition()).toEqual({
      schemaVersion: 2,
      trigger: { type: "webhook", config: {} },
      steps: [],
    });
    expect(findStep(upgradeFlowDefinition(valid), "invoice")?.index).toBe(1);
    expect(findStep(upgradeFlowDefinition(valid), "missing")).toBeUndefined();
  });

  it("accepts an incomplete draft step: no action, a null connection, no input yet", () => {
    const definition = upgradeFlowDefinition({ ...valid, steps: [{ key: "step_1", action: "", connectionId: null }] });
    expect(definition.steps).toEqual([{ key: "step_1", action: "", input: {} }]);
  });

  it("requires snake_case, unique, non-reserved step keys", () => {
    const step = valid.steps[0]!;
    expect(issuesOf({ ...valid, steps: [{ ...step, key: "Find-Contact" }] })).toEqual([
      { path: "steps.0.key", message: "Step keys use lowercase letters, digits and _ (e.g. find_contact)" },
    ]);
    expect(issuesOf({ ...valid, steps: [step, step] })).toEqual([
      { path: "steps.1.key", message: 'Two steps are called "find_contact"' },
    ]);
    expect(issuesOf({ ...valid, steps: [{ ...step, key: "constructor" }] })).toEqual([
      { path: "steps.0.key", message: "This step key is reserved; choose another" },
    ]);
  });

  it("saves an $each whose list is not chosen yet: an unfinished draft, not an invalid one", () => {
    const step = valid.steps[1]!;
    const withLines = (LineItems: unknown) => ({ ...valid, steps: [{ ...step, input: { LineItems } }] });
    expect(issuesOf(withLines({ $each: "", as: "line", map: {} }))).toEqual([]);
    expect(issuesOf(withLines({ $each: "{{ }}", as: "line", map: { Description: "{{}}" } }))).toEqual([]);
  });

  it("checks $each mappings and reserved keys where they are written", () => {
    const step = valid.steps[1]!;
    const withLines = (LineItems: unknown) => ({ ...valid, steps: [{ ...step, input: { LineItems } }] });
    expect(issuesOf(withLines({ $each: "trigger.body.lines", as: "line", map: {} }))).toEqual([
      {
        path: "steps.0.input.LineItems.$each",
        message: '"$each" must be a single reference to a list, like "{{trigger.body.lines}}"',
      },
    ]);
    expect(issuesOf(withLines({ $each: "{{trigger.body.lines}}", as: "steps", map: {}, extra: 1 }))).toEqual([
      { path: "steps.0.input.LineItems.extra", message: '"extra" is not allowed next to "$each"' },
      {
        path: "steps.0.input.LineItems.as",
        message: '"as" must be a short name such as "line" (not "trigger" or "steps")',
      },
    ]);
    expect(issuesOf(withLines({ $each: "{{trigger.body.lines}}", as: "line" }))).toEqual([
      { path: "steps.0.input.LineItems.map", message: '"$each" needs a "map" describing each item' },
    ]);
    expect(issuesOf(withLines({ nested: { $map: "x" } }))).toEqual([
      { path: "steps.0.input.LineItems.nested.$map", message: '"$map": keys starting with $ are reserved' },
    ]);
  });

  it("validates schedules: 5-part cron, known time zone, sensible interval", () => {
    const withSchedule = (config: unknown) => ({ ...valid, trigger: { type: "schedule", config } });
    expect(issuesOf(withSchedule({ mode: "cron", cron: "0 9 * * 1-5", timezone: "Pacific/Auckland" }))).toEqual([]);
    expect(issuesOf(withSchedule({ mode: "cron", cron: "61 * * * *", timezone: "UTC" }))).toEqual([
      { path: "trigger.config.cron", message: "This schedule is not a valid cron expression" },
    ]);
    expect(issuesOf(withSchedule({ mode: "cron", cron: "* * * * * *", timezone: "UTC" }))).toEqual([
      {
        path: "trigger.config.cron",
        message: "Use a 5-part schedule: minute hour day-of-month month day-of-week (e.g. 0 9 * * 1-5)",
      },
    ]);
    expect(issuesOf(withSchedule({ mode: "interval", everySeconds: 30, timezone: "Mars/Olympus" }))).toEqual([
      { path: "trigger.config.everySeconds", message: "Run at most once a minute (60 seconds)" },
      {
        path: "trigger.config.timezone",
        message: "Unknown time zone: use a name like Europe/London or Pacific/Auckland",
      },
    ]);
    expect(issuesOf({ ...valid, trigger: createTrigger("schedule") })).toEqual([]);
  });

  it("drops __proto__ keys from stored JSON instead of letting them through", () => {
    const json = JSON.parse(
      '{"schemaVersion":1,"trigger":{"type":"manual","config":{}},"steps":[{"key":"a","action":"x","input":{"__proto__":{"polluted":1},"Name":"n"}}]}',
    );
    const definition = upgradeFlowDefinition(json);
    expect(Object.keys((definition.steps[0] as FlowStep).input)).toEqual(["Name"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("upgradeFlowDefinition", () => {
  it("reads a trigger saved as the old xero_event type as the Xero connector's event trigger", () => {
    const stored = {
      ...valid,
      trigger: {
        type: "xero_event",
        config: { connectionId: "conn_1", eventCategory: "INVOICE", eventType: "UPDATE" },
      },
    };
    expect(upgradeFlowDefinition(stored).trigger).toEqual({
      type: "event",
      config: { event: "xero.event", connectionId: "conn_1", input: { eventCategory: "INVOICE", eventType: "UPDATE" } },
    });
    expect(upgradeFlowDefinition({ ...valid, trigger: createTrigger("event") }).trigger).toEqual({
      type: "event",
      config: { event: "", input: {} },
    });
  });
  it("refuses unknown versions and shapes with a ZodError naming the problem", () => {
    expect(() => upgradeFlowDefinition({ ...valid, schemaVersion: 3 })).toThrow(ZodError);
    expect(() => upgradeFlowDefinition({ ...valid, schemaVersion: 3 })).toThrow(
      /unknown version of Ledgerflow \(schema 3\)/,
    );
    expect(() => upgradeFlowDefinition({ steps: [] })).toThrow(ZodError);
    expect(() => upgradeFlowDefinition("not json")).toThrow(ZodError);
  });
});

describe("version 2: Paths", () => {
  const path = (key: string, steps: unknown[], conditions: unknown = []) => ({ key, name: key, conditions, steps });
  const pathsStep = (key: string, paths: unknown[], extra: Record<string, unknown> = {}) => ({
    key,
    type: "paths",
    paths,
    ...extra,
  });

  it("reads every stored version-1 definition as version 2, steps unchanged", () => {
    const stored = { ...valid, schemaVersion: 1 };
    expect(upgradeFlowDefinition(stored)).toEqual({ ...valid, schemaVersion: 2 });
  });

  it("holds paths with their own steps, paths in paths, and an otherwise path; runs defaults to all", () => {
    const definition = upgradeFlowDefinition({
      ...valid,
      steps: [
        ...valid.steps,
        pathsStep(
          "by_method",
          [
            path("card", [{ key: "card_payment", action: "xero.createPayment", input: {} }]),
            path("transfer", [pathsStep("by_size", [path("big", [{ key: "approve", action: "x.y", input: {} }])])]),
          ],
          { otherwise: { steps: [{ key: "note", action: "x.z", input: {} }] } },
        ),
      ],
    });
    expect(definition.steps[2]).toMatchObject({ type: "paths", runs: "all", otherwise: { steps: [{ key: "note" }] } });
    expect(findStep(definition, "approve")?.index).toBe(5);
    expect(findStep(definition, "note")?.index).toBe(6);
  });

  it("refuses what a run could not follow: a step after Paths, a key used twice anywhere, too many paths, too deep", () => {
    const step = (key: string) => ({ key, action: "x.y", input: {} });
    expect(issuesOf({ ...valid, steps: [pathsStep("split", [path("a", [step("one")])]), step("after")] })).toEqual([
      { path: "steps.0", message: "A Paths step is the last of its steps: move the steps after it into its paths" },
    ]);
    expect(issuesOf({ ...valid, steps: [step("one"), pathsStep("split", [path("a", [step("one")])])] })).toEqual([
      { path: "steps.1.paths.0.steps.0.key", message: 'Two steps are called "one"' },
    ]);
    const six = Array.from({ length: 6 }, (_, index) => path(`p${index}`, [step(`s${index}`)]));
    expect(issuesOf({ ...valid, steps: [pathsStep("split", six)] })).toEqual([
      { path: "steps.0.paths", message: "A Paths step has at most 5 paths" },
    ]);
    const deep = pathsStep("l1", [
      path("a", [pathsStep("l2", [path("b", [pathsStep("l3", [path("c", [pathsStep("l4", [path("d", [])])])])])])]),
    ]);
    expect(issuesOf({ ...valid, steps: [deep] })).toEqual([
      { path: "steps.0.paths.0.steps.0.paths.0.steps.0.paths.0.steps.0", message: "Paths go at most 3 levels deep" },
    ]);
    expect(issuesOf({ ...valid, steps: [pathsStep("split", [path("a", []), path("a", [])])] })).toEqual([
      { path: "steps.0.paths.1.key", message: 'Two paths are called "a"' },
    ]);
  });
});
