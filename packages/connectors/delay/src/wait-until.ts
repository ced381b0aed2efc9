import type { ActionContext } from "@ledgerflow/engine";

/** Longer than this is no delay but a forgotten run; Zapier's limit is a month too. */
export const MAX_DELAY_DAYS = 30;
export const MAX_DELAY_MS = MAX_DELAY_DAYS * 24 * 60 * 60 * 1000;

export interface DelayOutput {
  /** The moment the run goes on (ISO, UTC). */
  until: string;
  /** False when that moment had already passed: the run went straight on. */
  waited: boolean;
}

/** Asks the run to wait until `until`, unless it has passed; what the step outputs either way. */
export function waitUntil(ctx: ActionContext<undefined>, until: Date, now: Date): DelayOutput {
  const waited = until.getTime() > now.getTime();
  if (waited) ctx.flow.waitUntil(until);
  return { until: until.toISOString(), waited };
}
