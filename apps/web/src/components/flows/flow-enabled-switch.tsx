"use client";

import type { PublishProblem } from "@ledgerflow/runtime";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setFlowEnabledAction } from "@/server/flows/set-flow-enabled-action";
import { Switch } from "../ui/switch";

interface FlowEnabledSwitchProps {
  flowId: string;
  flowName: string;
  enabled: boolean;
  disabled?: boolean;
  /**
   * Called with the problems that keep the flow off (the editor lists them); `switchOnAnyway`
   * when they are all warnings: it switches on accepting them.
   */
  onProblems?: (problems: PublishProblem[], switchOnAnyway?: () => void) => void;
  /** Runs before switching on (the editor saves its draft); false cancels. */
  beforeEnable?: () => Promise<boolean>;
  /** Called once the server has switched the flow (on means the draft was just published). */
  onEnabledChange?: (enabled: boolean) => void;
}

/** The on/off switch: on publishes the draft and arms the trigger; problems keep the flow off. */
export function FlowEnabledSwitch(props: FlowEnabledSwitchProps) {
  const { flowId, flowName, enabled, disabled, onProblems, beforeEnable, onEnabledChange } = props;
  const [checked, setChecked] = useState(enabled);
  const [pending, startTransition] = useTransition();
  // The server's state, when it changes from outside (the editor read it again, the list refreshed).
  const [shown, setShown] = useState(enabled);
  if (enabled !== shown) {
    setShown(enabled);
    setChecked(enabled);
  }

  function change(next: boolean, acceptWarnings = false) {
    setChecked(next);
    startTransition(async () => {
      if (next && beforeEnable && !(await beforeEnable())) {
        setChecked(false);
        return;
      }
      const result = await setFlowEnabledAction({ flowId, enabled: next, acceptWarnings });
      if (!result.ok) {
        setChecked(!next);
        toast.error(result.error);
        return;
      }
      setChecked(result.data.enabled);
      onEnabledChange?.(result.data.enabled);
      const { problems } = result.data;
      const onlyWarnings = problems.length > 0 && problems.every((problem) => problem.severity === "warning");
      onProblems?.(problems, onlyWarnings ? () => change(true, true) : undefined);
      if (result.data.problems.length > 0) {
        toast.error(`“${flowName}” stays off`, {
          description: result.data.problems.map((problem) => problem.message).join(" "),
        });
      } else {
        toast.success(next ? `“${flowName}” is on` : `“${flowName}” is off`);
      }
    });
  }

  return (
    <div className="flex items-center gap-2">
      <Switch
        checked={checked}
        onCheckedChange={(next) => change(next)}
        disabled={disabled || pending}
        // The switch moves at once; busy says the server has not yet published and armed the trigger.
        aria-busy={pending}
        // The name says what the control does; aria-checked (from Radix) says whether it is on now.
        aria-label={`Switch ${flowName} on/off`}
      />
      <span className={checked ? "text-sm font-medium text-brand-700" : "text-sm text-slate-500"} aria-hidden>
        {checked ? "On" : "Off"}
      </span>
    </div>
  );
}
