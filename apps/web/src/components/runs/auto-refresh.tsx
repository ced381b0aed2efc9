"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

interface AutoRefreshProps {
  /** Refresh only while something on screen can still change (a QUEUED or RUNNING run). */
  active: boolean;
  intervalMs?: number;
}

/**
 * Re-renders the server components every few seconds while `active`, so in-progress runs move on
 * by themselves. A hidden tab does not poll. The refreshed page passes a new `active`, which stops
 * the polling once every visible run has finished.
 */
export function AutoRefresh({ active, intervalMs = 3000 }: AutoRefreshProps) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);

  return active ? (
    <p className="flex items-center gap-2 text-xs text-slate-500" role="status">
      <span aria-hidden className="size-2 animate-pulse rounded-full bg-sky-500" />
      Updating while runs are in progress
    </p>
  ) : null;
}
