"use client";

import { useId, useMemo } from "react";
import { Combobox } from "../ui/combobox";

interface FlowTimeZoneProps {
  /** The flow's IANA zone; none means UTC. */
  value: string | undefined;
  onChange: (timeZone: string) => void;
  readOnly: boolean;
}

/** Every zone the browser knows (IANA's), UTC first: what a flow's dates and "today" are counted in. */
function zoneOptions() {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")].map((zone) => ({
    value: zone,
    label: zone.replaceAll("_", " "),
  }));
}

/**
 * The flow's time zone (issue #15): where a Filter's "today" is, and how a Formatter's dates and a
 * Delay until are read when their step names no zone of its own.
 */
export function FlowTimeZone({ value, onChange, readOnly }: FlowTimeZoneProps) {
  const id = useId();
  const options = useMemo(zoneOptions, []);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <span id={id}>Dates and “today” in</span>
      <Combobox
        aria-label="Flow time zone"
        aria-describedby={id}
        className="w-64 max-w-full"
        disabled={readOnly}
        value={value ?? "UTC"}
        onChange={onChange}
        searchPlaceholder="Search time zones…"
        options={options}
      />
    </div>
  );
}
