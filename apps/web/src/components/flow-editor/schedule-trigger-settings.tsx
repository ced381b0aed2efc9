"use client";

import {
  type CalendarSchedule,
  calendarToCron,
  cronSchema,
  cronToCalendar,
  describeSchedule,
  MIN_INTERVAL_SECONDS,
  type ScheduleConfig,
} from "@ledgerflow/engine";
import { useEffect, useMemo, useState } from "react";
import { previewScheduleAction } from "@/server/flows/preview-schedule-action";
import { formatExact } from "../format-local-time";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "../ui/tabs";
import { CalendarScheduleFields } from "./calendar-schedule-fields";

interface ScheduleTriggerSettingsProps {
  config: ScheduleConfig;
  onChange: (config: ScheduleConfig) => void;
  readOnly: boolean;
}

type ScheduleView = "calendar" | "interval" | "cron";

const units = [
  { value: "60", label: "minutes" },
  { value: "3600", label: "hours" },
  { value: "86400", label: "days" },
];

const weekdaysAtNine: CalendarSchedule = { repeat: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" };

function splitInterval(seconds: number): { amount: number; unit: string } {
  const unit = [...units].reverse().find((candidate) => seconds % Number(candidate.value) === 0) ?? units[0]!;
  return { amount: seconds / Number(unit.value), unit: unit.value };
}

/** A cron expression a calendar can say opens as the calendar; any other stays cron. */
function viewOf(config: ScheduleConfig): ScheduleView {
  if (config.mode === "interval") return "interval";
  return cronToCalendar(config.cron) ? "calendar" : "cron";
}

/**
 * A schedule on a calendar (every day / chosen weekdays / a day of the month, at a time), every
 * N minutes/hours/days, or cron for those who want it; its time zone; the schedule in words; and
 * the next five times it will run. Calendar schedules are stored as the cron they stand for.
 */
export function ScheduleTriggerSettings({ config, onChange, readOnly }: ScheduleTriggerSettingsProps) {
  const timezones = useMemo(() => Intl.supportedValuesOf("timeZone").map((zone) => ({ value: zone, label: zone })), []);
  const [view, setView] = useState<ScheduleView>(() => viewOf(config));
  const [cronText, setCronText] = useState(config.mode === "cron" ? config.cron : calendarToCron(weekdaysAtNine));
  const [cronError, setCronError] = useState<string | null>(null);
  const interval = config.mode === "interval" ? splitInterval(config.everySeconds) : { amount: 1, unit: "3600" };
  const [amountText, setAmountText] = useState(String(interval.amount));
  const [amountError, setAmountError] = useState<string | null>(null);
  const calendar = (config.mode === "cron" && cronToCalendar(config.cron)) || weekdaysAtNine;

  const changeCron = (text: string) => {
    setCronText(text);
    const parsed = cronSchema.safeParse(text);
    if (!parsed.success) return setCronError(parsed.error.issues[0]?.message ?? "Not a valid schedule");
    setCronError(null);
    onChange({ mode: "cron", cron: parsed.data, timezone: config.timezone });
  };

  const changeCalendar = (schedule: CalendarSchedule) => {
    const cron = calendarToCron(schedule);
    setCronText(cron);
    setCronError(null);
    onChange({ mode: "cron", cron, timezone: config.timezone });
  };

  const changeInterval = (amount: string, unit: string) => {
    setAmountText(amount);
    const everySeconds = Number(amount) * Number(unit);
    if (!Number.isInteger(everySeconds) || everySeconds < MIN_INTERVAL_SECONDS) {
      return setAmountError("Use a whole number: at most once a minute.");
    }
    setAmountError(null);
    onChange({ mode: "interval", everySeconds, timezone: config.timezone });
  };

  const changeView = (next: string) => {
    setView(next as ScheduleView);
    if (next === "interval") changeInterval(amountText, interval.unit);
    if (next === "calendar") changeCalendar(calendar);
    if (next === "cron") changeCron(cronText);
  };

  return (
    <div className="flex flex-col gap-5">
      <Tabs value={view} onValueChange={changeView}>
        <TabsList aria-label="Kind of schedule">
          <TabsTrigger value="calendar" disabled={readOnly}>
            Calendar
          </TabsTrigger>
          <TabsTrigger value="interval" disabled={readOnly}>
            Every…
          </TabsTrigger>
          <TabsTrigger value="cron" disabled={readOnly}>
            Cron
          </TabsTrigger>
        </TabsList>
        <TabsContent value="calendar">
          <CalendarScheduleFields schedule={calendar} onChange={changeCalendar} readOnly={readOnly} />
        </TabsContent>
        <TabsContent value="interval">
          <Field label="Run every" required error={amountError}>
            {(control) => (
              <div className="flex gap-2">
                <Input
                  {...control}
                  className="w-24"
                  inputMode="numeric"
                  readOnly={readOnly}
                  value={amountText}
                  onChange={(event) => changeInterval(event.target.value, interval.unit)}
                />
                <Select
                  aria-label="Unit"
                  className="w-36"
                  disabled={readOnly}
                  value={interval.unit}
                  onValueChange={(unit) => changeInterval(amountText, unit)}
                  options={units}
                />
              </div>
            )}
          </Field>
        </TabsContent>
        <TabsContent value="cron">
          <Field
            label="Cron expression"
            required
            error={cronError}
            help="minute hour day-of-month month day-of-week — e.g. 0 9 * * 1-5 runs at 9:00 on weekdays."
          >
            {(control) => (
              <Input
                {...control}
                className="font-mono"
                readOnly={readOnly}
                value={cronText}
                onChange={(event) => changeCron(event.target.value)}
              />
            )}
          </Field>
        </TabsContent>
      </Tabs>

      <Field label="Time zone" required>
        {(control) => (
          <Combobox
            {...control}
            disabled={readOnly}
            value={config.timezone}
            onChange={(timezone) => onChange({ ...config, timezone })}
            options={timezones}
            searchPlaceholder="Search time zones…"
          />
        )}
      </Field>

      <section aria-label="Schedule in words" aria-live="polite" className="text-sm font-medium text-slate-900">
        {describeSchedule(config)}
      </section>

      <NextFireTimes config={config} />
    </div>
  );
}

function NextFireTimes({ config }: { config: ScheduleConfig }) {
  const [times, setTimes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(config);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await previewScheduleAction({ config: JSON.parse(key) as ScheduleConfig });
      if (cancelled) return;
      if (result.ok) {
        setTimes(result.data);
        setError(null);
      } else setError(result.error);
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  // The app's one way of writing a time, in the viewer's locale but the schedule's own zone: the
  // list is filled in the browser (an effect), so no server render has to match it.
  // The weekday leads, as a weekly schedule is checked by it.
  const zone = { locale: undefined, timeZone: config.timezone };
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: "long", timeZone: config.timezone });
  return (
    <section aria-label="Next runs" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-medium text-slate-800">Next five runs</h3>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      <ol className="mt-2 flex flex-col gap-1 text-sm text-slate-600 tabular-nums">
        {(times ?? []).map((time) => (
          <li key={time}>
            <time dateTime={time}>
              {weekday.format(new Date(time))}, {formatExact(new Date(time), zone)}
            </time>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-500">Shown in {config.timezone}.</p>
    </section>
  );
}
