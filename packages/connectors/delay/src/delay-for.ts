// "Delay for": the run waits N minutes, hours or days from the moment the step runs.
import { defineAction, field } from "@ledgerflow/engine";
import { type DelayOutput, MAX_DELAY_DAYS, MAX_DELAY_MS, waitUntil } from "./wait-until";

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

const fields = {
  amount: field.number({ label: "Wait for", required: true, positive: true, placeholder: "3" }),
  unit: field.select({
    label: "Unit",
    default: "minutes",
    options: {
      static: [
        { value: "minutes", label: "Minutes" },
        { value: "hours", label: "Hours" },
        { value: "days", label: "Days" },
      ],
    },
  }),
};

export const delayFor = defineAction<undefined, typeof fields, DelayOutput>({
  key: "delay.delayFor",
  kind: "action",
  group: "Delay",
  title: "Delay for",
  description: `Waits a number of minutes, hours or days (at most ${MAX_DELAY_DAYS} days), then goes on.`,
  needsConnection: false,
  fields,
  check(input) {
    const ms = input.amount * UNIT_MS[input.unit];
    return ms > MAX_DELAY_MS
      ? [{ field: "amount", message: `A delay is at most ${MAX_DELAY_DAYS} days; choose a shorter one` }]
      : [];
  },
  outputSample: { until: "2026-12-04T09:00:00.000Z", waited: true },
  async run(ctx, input) {
    const now = new Date();
    return waitUntil(ctx, new Date(now.getTime() + input.amount * UNIT_MS[input.unit]), now);
  },
});
