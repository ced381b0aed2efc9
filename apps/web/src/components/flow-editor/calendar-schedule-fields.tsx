"use client";

import { type CalendarSchedule, WEEKDAY_NAMES } from "@ledgerflow/engine";
import { cn } from "../ui/class-names";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";

interface CalendarScheduleFieldsProps {
  schedule: CalendarSchedule;
  onChange: (schedule: CalendarSchedule) => void;
  readOnly: boolean;
}

const repeatOptions = [
  { value: "daily", label: "Every day" },
  { value: "weekly", label: "On chosen days of the week" },
  { value: "monthly", label: "Once a month" },
];

const dayOfMonthOptions = [
  ...Array.from({ length: 31 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) })),
  { value: "last", label: "Last day of the month" },
];

// Monday first, as the week reads on a bookkeeper's calendar; cron numbers Sunday 0.
const weekOrder = [1, 2, 3, 4, 5, 6, 0];
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Daily, weekly on chosen days, or monthly on a day — each at a time of day. */
export function CalendarScheduleFields({ schedule, onChange, readOnly }: CalendarScheduleFieldsProps) {
  const changeRepeat = (repeat: string) => {
    const { time } = schedule;
    if (repeat === "daily") onChange({ repeat, time });
    if (repeat === "weekly") onChange({ repeat, days: schedule.repeat === "weekly" ? schedule.days : WEEKDAYS, time });
    if (repeat === "monthly") onChange({ repeat, day: schedule.repeat === "monthly" ? schedule.day : 1, time });
  };

  return (
    <div className="flex flex-col gap-5">
      <Field label="Repeat">
        {(control) => (
          <Select
            {...control}
            disabled={readOnly}
            value={schedule.repeat}
            onValueChange={changeRepeat}
            options={repeatOptions}
          />
        )}
      </Field>

      {schedule.repeat === "weekly" ? (
        <WeekdayPicker schedule={schedule} onChange={onChange} readOnly={readOnly} />
      ) : null}

      {schedule.repeat === "monthly" ? (
        <Field
          label="Day of the month"
          help={
            typeof schedule.day === "number" && schedule.day > 28
              ? `Months without a ${schedule.day}th day are skipped: choose “Last day of the month” to run every month.`
              : undefined
          }
        >
          {(control) => (
            <Select
              {...control}
              disabled={readOnly}
              value={String(schedule.day)}
              onValueChange={(day) => onChange({ ...schedule, day: day === "last" ? "last" : Number(day) })}
              options={dayOfMonthOptions}
            />
          )}
        </Field>
      ) : null}

      <Field label="Time of day">
        {(control) => (
          // The browser draws the time in the person's own format (09:00 or 9:00 AM); its value is HH:MM.
          <Input
            {...control}
            type="time"
            className="w-36"
            readOnly={readOnly}
            value={schedule.time}
            onChange={(event) => {
              if (event.target.value) onChange({ ...schedule, time: event.target.value });
            }}
          />
        )}
      </Field>
    </div>
  );
}

function WeekdayPicker({
  schedule,
  onChange,
  readOnly,
}: CalendarScheduleFieldsProps & { schedule: Extract<CalendarSchedule, { repeat: "weekly" }> }) {
  const toggle = (day: number) => {
    const days = schedule.days.includes(day)
      ? schedule.days.filter((chosen) => chosen !== day)
      : [...schedule.days, day];
    // A week with no day would never run: the last chosen day stays.
    if (days.length > 0) onChange({ ...schedule, days: days.sort((a, b) => a - b) });
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium text-slate-800">Days of the week</legend>
      <div className="flex flex-wrap gap-2">
        {weekOrder.map((day) => {
          const name = WEEKDAY_NAMES[day] as string;
          const chosen = schedule.days.includes(day);
          return (
            <button
              key={day}
              type="button"
              aria-pressed={chosen}
              aria-label={name}
              disabled={readOnly}
              onClick={() => toggle(day)}
              className={cn(
                "h-9 min-w-12 rounded-md border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-50",
                chosen
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {name.slice(0, 3)}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
