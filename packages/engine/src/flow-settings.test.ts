import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { executeFlow } from "./execute-flow";
import { defineAction } from "./fields/define-action";
import { field } from "./fields/field-builders";
import { flowDefinitionSchema, upgradeFlowDefinition } from "./flow-definition";
import { testStep } from "./test-step";

// The flow's time zone reaches its steps: as `ctx.timeZone`, and in every field left empty that
// takes it (a date step's zone), while a step that names its own zone keeps it.

const seen: { input: Record<string, unknown>; timeZone: string }[] = [];
const zoned = defineAction({
  key: "test.zoned",
  kind: "action",
  group: "Test",
  title: "Zoned",
  description: "Records its zone.",
  needsConnection: false,
  fields: { zone: field.text({ label: "Time zone", default: "UTC", defaultFromFlow: "timeZone" }) },
  outputSample: {},
  async run(ctx, input) {
    seen.push({ input, timeZone: ctx.timeZone });
    return {};
  },
});
const catalog = createCatalog([zoned]);

const flow = (extra: Record<string, unknown>, input: Record<string, unknown> = {}) =>
  upgradeFlowDefinition({
    schemaVersion: 2,
    ...extra,
    trigger: { type: "manual", config: {} },
    steps: [{ key: "step", action: "test.zoned", input }],
  });

describe("a flow's time zone", () => {
  it("is the steps' ctx.timeZone and fills their empty zone fields, in runs and tests alike", async () => {
    seen.length = 0;
    const definition = flow({ timeZone: "Pacific/Auckland" });
    await executeFlow({ definition, trigger: {}, catalog, runId: "r", clientFor: () => undefined });
    await testStep({ definition, stepKey: "step", catalog, clientFor: () => undefined });
    expect(seen).toEqual([
      { input: { zone: "Pacific/Auckland" }, timeZone: "Pacific/Auckland" },
      { input: { zone: "Pacific/Auckland" }, timeZone: "Pacific/Auckland" },
    ]);
  });

  it("leaves a zone the step names, and is UTC when the flow has none", async () => {
    seen.length = 0;
    await executeFlow({
      definition: flow({ timeZone: "Pacific/Auckland" }, { zone: "Europe/Berlin" }),
      trigger: {},
      catalog,
      runId: "r",
      clientFor: () => undefined,
    });
    await executeFlow({ definition: flow({}), trigger: {}, catalog, runId: "r", clientFor: () => undefined });
    expect(seen).toEqual([
      { input: { zone: "Europe/Berlin" }, timeZone: "Pacific/Auckland" },
      { input: { zone: "UTC" }, timeZone: "UTC" },
    ]);
  });

  it("must be a zone IANA knows", () => {
    const parsed = flowDefinitionSchema.safeParse({ ...flow({}), timeZone: "Mars/Olympus" });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["timeZone", "Unknown time zone: use a name like Europe/London or Pacific/Auckland"],
    ]);
  });
});
