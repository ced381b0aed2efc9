// What starts a flow (docs/ARCHITECTURE.md §4): a webhook, a schedule, a manual run, or an event at
// a connected service — one of a connector's triggers (Xero's "xero.event"), named by its key.
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";

export const TRIGGER_TYPES = ["webhook", "schedule", "manual", "event"] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** Shortest schedule interval: one run a minute is already plenty against Xero's 60 calls/minute. */
export const MIN_INTERVAL_SECONDS = 60;
const MAX_INTERVAL_SECONDS = 31 * 24 * 60 * 60;

function isIanaTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string()
  .min(1, "Choose a time zone")
  .refine(isIanaTimezone, { message: "Unknown time zone: use a name like Europe/London or Pacific/Auckland" });

/** Five fields only: a seconds field would allow a run every second. */
export const cronSchema = z
  .string()
  .trim()
  .refine((value) => value.split(/\s+/).length === 5, {
    message: "Use a 5-part schedule: minute hour day-of-month month day-of-week (e.g. 0 9 * * 1-5)",
  })
  .refine(
    (value) => {
      try {
        CronExpressionParser.parse(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: "This schedule is not a valid cron expression" },
  );

export const scheduleConfigSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("cron"), cron: cronSchema, timezone: timezoneSchema }),
  z.object({
    mode: z.literal("interval"),
    everySeconds: z
      .number()
      .int("Use a whole number of seconds")
      .min(MIN_INTERVAL_SECONDS, `Run at most once a minute (${MIN_INTERVAL_SECONDS} seconds)`)
      .max(MAX_INTERVAL_SECONDS, "Run at least once a month"),
    timezone: timezoneSchema,
  }),
]);

/** An example trigger event (the editor's data picker and Test button use it). */
const sampleSchema = z.record(z.string(), z.unknown()).optional();

/** A polling trigger's interval: Xero's 60 calls a minute are shared by every flow of an organisation. */
export const MIN_POLL_SECONDS = 60;
export const DEFAULT_POLL_SECONDS = 300;

/**
 * Definitions saved before connectors declared their triggers said `type: "xero_event"` with the
 * settings at the top of `config`: read as the Xero connector's event trigger.
 */
function fromLegacyXeroEvent(value: unknown): unknown {
  if (typeof value !== "object" || value === null || (value as { type?: unknown }).type !== "xero_event") return value;
  const { config = {}, ...rest } = value as { config?: Record<string, unknown> };
  const { connectionId, ...input } = config;
  return { ...rest, type: "event", config: { event: "xero.event", connectionId, input } };
}

const triggerShape = z.discriminatedUnion("type", [
  // The webhook's URL token and signing secret live on the Flow row, not in the definition.
  z.object({ type: z.literal("webhook"), config: z.object({}), sample: sampleSchema }),
  z.object({ type: z.literal("schedule"), config: scheduleConfigSchema, sample: sampleSchema }),
  z.object({ type: z.literal("manual"), config: z.object({}), sample: sampleSchema }),
  z.object({
    type: z.literal("event"),
    config: z.object({
      /** The connector trigger's key, e.g. "xero.event"; empty until the user picks one. */
      event: z.string().max(200),
      /** The connection whose events start the flow. */
      connectionId: z.string().min(1).max(100).optional(),
      /** The trigger's own settings, as its fields declare them (e.g. which kind of record). */
      input: z.record(z.string(), z.unknown()).default({}),
      /** For a trigger that polls (or an instant one polling as a fallback): how often. */
      pollEverySeconds: z
        .number()
        .int()
        .min(MIN_POLL_SECONDS, "Poll at most once a minute")
        .max(86_400, "Poll at least once a day")
        .optional(),
      /** At switch-on a polling trigger starts from now; this many days back instead, when set. */
      includeRecentDays: z.number().int().min(0).max(90).optional(),
    }),
    sample: sampleSchema,
  }),
]);

export const triggerSchema = z.preprocess(fromLegacyXeroEvent, triggerShape);

export type FlowTrigger = z.output<typeof triggerSchema>;
export type ScheduleConfig = z.output<typeof scheduleConfigSchema>;

/**
 * A trigger of `type` with the settings a new one starts with (the editor's trigger switcher). A
 * new schedule is the one bookkeepers ask for most, weekdays at 09:00, in the person's own zone.
 */
export function createTrigger(type: TriggerType, { timeZone = "UTC" }: { timeZone?: string } = {}): FlowTrigger {
  if (type === "schedule") return { type, config: { mode: "cron", cron: "0 9 * * 1-5", timezone: timeZone } };
  if (type === "event") return { type, config: { event: "", input: {} } };
  return { type, config: {} };
}
