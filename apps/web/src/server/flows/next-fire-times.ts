import type { ScheduleConfig } from "@ledgerflow/engine";
import { CronExpressionParser } from "cron-parser";

/**
 * The next `count` times a schedule fires, for the editor's preview. Intervals are aligned to
 * multiples of the interval since the Unix epoch, as BullMQ's `every` job schedulers fire them.
 */
export function nextFireTimes(config: ScheduleConfig, from: Date, count = 5): Date[] {
  if (config.mode === "cron") {
    const expression = CronExpressionParser.parse(config.cron, { tz: config.timezone, currentDate: from });
    return expression.take(count).map((date) => date.toDate());
  }
  const everyMs = config.everySeconds * 1000;
  const first = Math.floor(from.getTime() / everyMs) * everyMs + everyMs;
  return Array.from({ length: count }, (_, index) => new Date(first + index * everyMs));
}
