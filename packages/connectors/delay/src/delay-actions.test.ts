import { createCatalog, executeFlow, upgradeFlowDefinition } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { delayConnector } from "./delay-connector";

const catalog = createCatalog(delayConnector.actions);

/** Runs a one-step flow of `action` with `input` and returns what the engine made of it. */
function runDelay(action: "delay.delayFor" | "delay.delayUntil", input: Record<string, unknown>) {
  const definition = upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "manual", config: {} },
    steps: [{ key: "wait", action, input }],
  });
  return executeFlow({ definition, trigger: {}, catalog, runId: "run-1", clientFor: () => undefined });
}

const DAY_MS = 86_400_000;

describe("Delay for", () => {
  it("asks the run to wait the span from now", async () => {
    const before = Date.now();
    const result = await runDelay("delay.delayFor", { amount: "3", unit: "hours" });
    expect(result.status).toBe("WAITING");
    const until = Date.parse(result.waiting?.until ?? "");
    expect(until - before).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(3 * 3_600_000);
    expect(result.outputs.wait).toEqual({ until: result.waiting?.until, waited: true });
  });

  it("waits minutes unless told otherwise", async () => {
    const result = await runDelay("delay.delayFor", { amount: 90 });
    expect(Date.parse(result.waiting?.until ?? "") - Date.now()).toBeGreaterThan(89 * 60_000);
  });

  it("refuses more than 30 days, and nothing or nothing positive, on the field", async () => {
    const tooLong = await runDelay("delay.delayFor", { amount: 31, unit: "days" });
    expect(tooLong.status).toBe("FAILED");
    expect(tooLong.error).toMatchObject({ code: "invalid_input", field: "amount" });
    expect(tooLong.error?.message).toContain("at most 30 days");
    const zero = await runDelay("delay.delayFor", { amount: 0, unit: "days" });
    expect(zero.error).toMatchObject({ code: "invalid_input", field: "amount" });
  });
});

describe("Delay until", () => {
  it.each([
    // A date alone is its midnight in the step's zone: New Zealand's summer is UTC+13, its winter +12.
    ["2026-01-15", "Pacific/Auckland", "2026-01-14T11:00:00.000Z"],
    ["2026-07-15T09:00", "Pacific/Auckland", "2026-07-14T21:00:00.000Z"],
    // 02:30 does not exist in Berlin on the night clocks go forward: it is read as 03:30 CEST.
    ["2026-03-29T02:30", "Europe/Berlin", "2026-03-29T01:30:00.000Z"],
    // A time with its own offset is that instant, whatever the step's zone.
    ["2020-01-01T10:00:00+05:30", "Pacific/Auckland", "2020-01-01T04:30:00.000Z"],
    ["2024-02-29T12:00:00Z", "UTC", "2024-02-29T12:00:00.000Z"],
  ])("reads %s in %s as %s, and a moment already past lets the run straight on", async (text, timeZone, iso) => {
    const result = await runDelay("delay.delayUntil", { until: text, timeZone });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.outputs.wait).toEqual({ until: iso, waited: false });
  });

  it("waits for a moment ahead", async () => {
    const until = new Date(Date.now() + 2_000).toISOString();
    const result = await runDelay("delay.delayUntil", { until });
    expect(result).toMatchObject({ status: "WAITING", waiting: { until } });
  });

  it("refuses a moment more than 30 days ahead, text that is no date, and an unknown zone — each on its field", async () => {
    const far = await runDelay("delay.delayUntil", { until: new Date(Date.now() + 31 * DAY_MS).toISOString() });
    expect(far.error).toMatchObject({ code: "invalid_input", field: "until" });
    expect(far.error?.message).toContain("more than 30 days away");
    const words = await runDelay("delay.delayUntil", { until: "next Tuesday" });
    expect(words.error).toMatchObject({ code: "invalid_input", field: "until" });
    expect(words.error?.message).toBe(
      'Wait until "next Tuesday" is not a date or time; use 2026-12-24, 2026-12-24T09:00 or an ISO time',
    );
    const zone = await runDelay("delay.delayUntil", { until: "2026-12-24", timeZone: "Mars/Olympus" });
    expect(zone.error).toMatchObject({ code: "invalid_input", field: "timeZone" });
  });
});
