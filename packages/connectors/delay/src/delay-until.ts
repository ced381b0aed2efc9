// "Delay until": the run waits until a moment taken from the data — an ISO date-time with its offset
// is that instant; a date or a date-time without an offset is read in the time zone the step names
// (a date alone means its midnight). A moment already past lets the run go straight on.
import { defineAction, field, StepError } from "@ledgerflow/engine";
import { DateTime, IANAZone } from "luxon";
import { type DelayOutput, MAX_DELAY_DAYS, MAX_DELAY_MS, waitUntil } from "./wait-until";

const fields = {
  until: field.text({
    label: "Wait until",
    required: true,
    placeholder: "2026-12-24T09:00 or {{trigger.body.due_date}}",
    help: "A date (2026-12-24), a date and time (2026-12-24T09:00) or an ISO time with its offset.",
  }),
  timeZone: field.text({
    label: "Time zone",
    default: "UTC",
    defaultFromFlow: "timeZone",
    placeholder: "Pacific/Auckland",
    help: "How a date or a time without an offset is read, e.g. Pacific/Auckland. Empty: the flow's time zone.",
  }),
};

export const delayUntil = defineAction<undefined, typeof fields, DelayOutput>({
  key: "delay.delayUntil",
  kind: "action",
  group: "Delay",
  title: "Delay until",
  description: `Waits until a date and time from the data (at most ${MAX_DELAY_DAYS} days ahead), then goes on.`,
  needsConnection: false,
  fields,
  check(input) {
    return IANAZone.isValidZone(input.timeZone)
      ? []
      : [{ field: "timeZone", message: `Time zone "${input.timeZone}" is not one; use a name like Pacific/Auckland` }];
  },
  outputSample: { until: "2026-12-24T09:00:00.000Z", waited: true },
  async run(ctx, input) {
    const moment = DateTime.fromISO(input.until, { zone: input.timeZone, setZone: false });
    if (!moment.isValid) {
      throw new StepError(
        `Wait until "${input.until}" is not a date or time; use 2026-12-24, 2026-12-24T09:00 or an ISO time`,
        { code: "invalid_input", field: "until" },
      );
    }
    const now = new Date();
    const until = moment.toJSDate();
    if (until.getTime() - now.getTime() > MAX_DELAY_MS) {
      throw new StepError(
        `Wait until ${moment.toISO()} is more than ${MAX_DELAY_DAYS} days away; a delay is at most ${MAX_DELAY_DAYS} days`,
        { code: "invalid_input", field: "until" },
      );
    }
    return waitUntil(ctx, until, now);
  },
});
