"use server";

import { scheduleConfigSchema } from "@ledgerflow/engine";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";
import { nextFireTimes } from "./next-fire-times";

/** The next five times a schedule fires, as ISO strings (the browser shows them in its time zone). */
export const previewScheduleAction = workspaceAction(
  z.object({ config: scheduleConfigSchema }),
  "VIEWER",
  ({ input }) => nextFireTimes(input.config, new Date()).map((date) => date.toISOString()),
);
