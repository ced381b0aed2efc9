"use client";

import { createContext, type ReactNode, useContext, useSyncExternalStore } from "react";
import { formatLocalTime, SERVER_ZONE, type TimeFormat, type TimeZoneChoice } from "./format-local-time";

// Times are rendered on the server (in UTC, the only zone it knows, and relative to the server's
// clock) and again in the browser's own zone and locale once hydrated. During hydration the
// browser repeats the server's render exactly: useSyncExternalStore gives the server snapshot, and
// "now" is the server's, handed down by RenderedAtProvider from the root layout. Components
// mounted after hydration (client navigation) never see it and use the browser's clock.

const RenderedAtContext = createContext<number | null>(null);

/** The server's clock when this page was rendered, for relative times to hydrate without mismatch. */
export function RenderedAtProvider({ at, children }: { at: number; children: ReactNode }) {
  return <RenderedAtContext.Provider value={at}>{children}</RenderedAtContext.Provider>;
}

const subscribeToNothing = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

/**
 * Where times are read: the server's zone (UTC, British English) while hydrating, then the
 * viewer's own locale and zone, from the browser.
 */
export function useViewerZone(): TimeZoneChoice {
  return useHydrated() ? { locale: undefined, timeZone: undefined } : SERVER_ZONE;
}

interface LocalTimeProps {
  value: Date | string;
  /** "relative" (the default): "5 minutes ago"; "exact": date and time; "date": the day only. */
  format?: TimeFormat;
}

/** A point in time in the viewer's zone and locale, as a `<time>` with the exact time on hover. */
export function LocalTime({ value, format = "relative" }: LocalTimeProps) {
  const hydrated = useHydrated();
  const zone = useViewerZone();
  const renderedAt = useContext(RenderedAtContext);
  const date = new Date(value);
  const { text, title } = formatLocalTime(date, format, {
    now: hydrated || renderedAt === null ? Date.now() : renderedAt,
    zone,
  });
  return (
    <time dateTime={date.toISOString()} title={title}>
      {text}
    </time>
  );
}
