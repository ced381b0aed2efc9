"use client";

import { DEFAULT_POLL_SECONDS } from "@ledgerflow/engine";
import { useState } from "react";
import { LocalTime } from "../local-time";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import type { EventTrigger } from "./app-event-trigger-settings";
import type { PollingStatus } from "./editor-types";

/** What "Check every" offers: a minute is the shortest the engine allows (Xero's 60 calls a minute are shared). */
const INTERVALS = [
  { value: 60, label: "1 minute" },
  { value: 300, label: "5 minutes" },
  { value: 900, label: "15 minutes" },
  { value: 3600, label: "1 hour" },
];
const MAX_RECENT_DAYS = 90;

interface PollSettingsProps {
  config: EventTrigger["config"];
  connectorTitle: string;
  /** The switched-on flow's last check; null while it does not poll. */
  status: PollingStatus | null;
  onChange: (change: Partial<EventTrigger["config"]>) => void;
  problems: Map<string, string>;
  readOnly: boolean;
}

const minutes = (seconds: number) => `${seconds / 60} minutes`;

/** A polling trigger's interval, and how far back its first check at switch-on reaches. */
export function PollSettings({ config, connectorTitle, status, onChange, problems, readOnly }: PollSettingsProps) {
  const every = config.pollEverySeconds ?? DEFAULT_POLL_SECONDS;
  // A value set elsewhere (an older editor, the API) stays choosable as it is.
  const intervals = INTERVALS.some((option) => option.value === every)
    ? INTERVALS
    : [...INTERVALS, { value: every, label: minutes(every) }];
  const [daysText, setDaysText] = useState(config.includeRecentDays?.toString() ?? "");
  const [daysError, setDaysError] = useState<string | null>(null);

  const changeDays = (text: string) => {
    setDaysText(text);
    if (text.trim() === "") {
      setDaysError(null);
      return onChange({ includeRecentDays: undefined });
    }
    const days = Number(text);
    if (!Number.isInteger(days) || days < 0 || days > MAX_RECENT_DAYS) {
      return setDaysError(`Enter a whole number of days from 0 to ${MAX_RECENT_DAYS}.`);
    }
    setDaysError(null);
    onChange({ includeRecentDays: days });
  };

  return (
    <section aria-label="Checking for changes" className="flex flex-col gap-4 border-t border-slate-200 pt-5">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Checking for changes</h3>
        <p className="text-xs text-slate-500">
          Ledgerflow asks {connectorTitle} for new changes on a schedule; each check counts against the organisation's{" "}
          {connectorTitle} limits.
        </p>
        {status ? <PollStatus status={status} connectorTitle={connectorTitle} /> : null}
      </div>
      <Field label="Check every" error={problems.get("pollEverySeconds")}>
        {(control) => (
          <Select
            {...control}
            disabled={readOnly}
            value={String(every)}
            onValueChange={(value) => onChange({ pollEverySeconds: Number(value) })}
            options={intervals.map((option) => ({ value: String(option.value), label: option.label }))}
          />
        )}
      </Field>
      <Field
        label="Include records from the last N days at switch-on"
        error={daysError ?? problems.get("includeRecentDays")}
        help="Leave empty to start from the moment the flow is switched on, with no flood of older records."
      >
        {(control) => (
          <Input
            {...control}
            readOnly={readOnly}
            inputMode="numeric"
            value={daysText}
            placeholder="0"
            onChange={(event) => changeDays(event.target.value)}
            className="w-28"
          />
        )}
      </Field>
    </section>
  );
}

/** When the switched-on flow last checked, and what stopped the last check (the next one tries again). */
function PollStatus({ status, connectorTitle }: { status: PollingStatus; connectorTitle: string }) {
  if (status.lastFailure) {
    return (
      <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
        The last check did not finish: {status.lastFailure} The next check tries again; nothing {connectorTitle} changed
        in between is missed.
      </p>
    );
  }
  return (
    <p role="status" className="mt-2 text-xs text-slate-600">
      {status.lastPolledAt ? (
        <>
          Last checked <LocalTime value={status.lastPolledAt} />.
        </>
      ) : (
        "Switched on: the first check is on its way."
      )}
    </p>
  );
}
