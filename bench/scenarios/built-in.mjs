// 7. built-in: what the engine adds to a built-in step (Filter, Formatter) beyond the step's own
// work, in process. The same flow of STEPS steps runs through executeFlow (resolve the mapping,
// validate, call, keep the output) and, beside it in alternated rounds, the floor: the step's work
// called directly on an input already resolved and parsed. The difference per step is the engine's
// overhead; no database, queue or network is in either.
import { performance } from "node:perf_hooks";
import { round } from "./ingest.mjs";
import { median } from "./overhead.mjs";

const STEPS = 20;
const ROUNDS = 5;

export async function builtIn(ctx) {
  const { settings, log } = ctx;
  const [engine, { filterConnector }, { formatterConnector }] = await Promise.all([
    import("@ledgerflow/engine"),
    import("@ledgerflow/connector-filter"),
    import("@ledgerflow/connector-formatter"),
  ]);
  const catalog = engine.createCatalog([...filterConnector.actions, ...formatterConnector.actions]);
  const trigger = { body: { total: "1,200.50", tier: "retail", amount: "1.234,50" } };
  const filterInput = {
    conditions: [
      {
        conditions: [
          { left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 1000 },
          { left: { label: "tier", value: "{{trigger.body.tier}}" }, operator: "text.isNot", right: "wholesale" },
        ],
      },
    ],
  };
  const formatterInput = { text: "{{trigger.body.amount}}", locale: "de-DE" };
  const flowOf = (action, input) =>
    engine.upgradeFlowDefinition({
      schemaVersion: 2,
      trigger: { type: "manual", config: {} },
      steps: Array.from({ length: STEPS }, (_, index) => ({ key: `step_${index}`, action, input })),
    });

  const measure = async (name, action, input) => {
    const definition = flowOf(action, input);
    const entry = catalog.get(action);
    // The floor's input: the first step's, resolved and parsed once, as the engine hands it to `run`.
    const prepared = engine.prepareStep(catalog, definition.steps[0], { trigger, steps: {} });
    if (!prepared.ok) throw new Error(`${action}: ${prepared.error.message}`);
    const runs = settings.builtInRuns;
    const runCtx = {
      client: undefined,
      idempotencyKey: "bench",
      signal: new AbortController().signal,
      flow: engine.recordFlowControl().controls,
      timeZone: "UTC",
    };
    const engineMs = [];
    const floorMs = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      let began = performance.now();
      for (let i = 0; i < runs; i++) {
        const result = await engine.executeFlow({
          definition,
          trigger,
          catalog,
          runId: "bench",
          clientFor: () => undefined,
        });
        if (result.status !== "SUCCEEDED") throw new Error(`${action}: the flow ${result.status}`);
      }
      engineMs.push((performance.now() - began) / (runs * STEPS));
      began = performance.now();
      for (let i = 0; i < runs * STEPS; i++) await entry.run(runCtx, prepared.input);
      floorMs.push((performance.now() - began) / (runs * STEPS));
    }
    const overheadMs = median(engineMs) - median(floorMs);
    log(
      `built-in: ${name} ${round(median(engineMs), 4)} ms a step through the engine, ${round(median(floorMs), 4)} ms its own work`,
    );
    return { overheadMs, engineMs: median(engineMs), floorMs: median(floorMs) };
  };

  log(`built-in: ${ROUNDS} rounds of ${settings.builtInRuns} runs of ${STEPS} steps each way…`);
  const filter = await measure("filter", "filter.onlyContinueIf", filterInput);
  const formatter = await measure("formatter", "formatter.parseNumber", formatterInput);
  return {
    parameters: {
      steps_per_flow: STEPS,
      runs_per_round: settings.builtInRuns,
      rounds: ROUNDS,
      filter: "Only continue if total > 1000 and tier is not wholesale (both mapped)",
      formatter: 'Parse a number "1.234,50" as de-DE (mapped)',
    },
    metrics: {
      builtin_filter_overhead_ms: round(filter.overheadMs, 4),
      builtin_formatter_overhead_ms: round(formatter.overheadMs, 4),
    },
    detail: {
      filter_engine_ms_per_step: round(filter.engineMs, 4),
      filter_floor_ms_per_step: round(filter.floorMs, 4),
      formatter_engine_ms_per_step: round(formatter.engineMs, 4),
      formatter_floor_ms_per_step: round(formatter.floorMs, 4),
    },
  };
}
