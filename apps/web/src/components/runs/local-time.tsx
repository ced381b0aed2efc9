"use client";

import { useSyncExternalStore } from "react";

// Times are rendered on the server (in UTC, the only zone it knows) and again in the browser's own
// zone and locale once hydrated. useSyncExternalStore gives the server's answer during hydration,
// so the two renders never disagree.

const subscribeToNothing = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), "minute");
}

function formatExact(date: Date, hydrated: boolean): string {
  return new Intl.DateTimeFormat(hydrated ? undefined : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: hydrated ? undefined : "UTC",
    timeZoneName: "short",
  }).format(date);
}

interface LocalTimeProps {
  value: Date | string;
  /** "relative": "5 minutes ago" with the exact time on hover; "exact": the full date and time. */
  format?: "relative" | "exact";
  /** The server's "now" at render time, so the first client render matches it. */
  renderedAt: number;
}

export function LocalTime({ value, format = "relative", renderedAt }: LocalTimeProps) {
  const hydrated = useHydrated();
  const date = new Date(value);
  const exact = formatExact(date, hydrated);
  return (
    <time dateTime={date.toISOString()} title={format === "relative" ? exact : undefined}>
      {format === "relative" ? formatRelative(date, hydrated ? Date.now() : renderedAt) : exact}
    </time>
  );
}
