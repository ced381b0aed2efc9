"use server";

import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/**
 * The on/off switch. TODO(runtime): call `enableFlow` / `disableFlow` from
 * packages/runtime/src/triggers once they land (they validate, publish and arm the trigger, and
 * return the problems that keep a flow off). Until then the switch reports that it is not wired.
 */
export const setFlowEnabledAction = workspaceAction(
  z.object({ flowId: z.string().min(1), enabled: z.boolean() }),
  "EDITOR",
  (): { enabled: boolean; problems: { path: string; message: string }[] } => {
    return {
      enabled: false,
      problems: [{ path: "", message: "Switching integrations on is not available yet in this build." }],
    };
  },
);
