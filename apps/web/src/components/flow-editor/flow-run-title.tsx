"use client";

import { chooseRunTitle, type FlowTrigger, MAX_RUN_TITLE_LENGTH, renderRunTitle } from "@ledgerflow/engine";
import { useId } from "react";
import { Input } from "../ui/input";

interface FlowRunTitleProps {
  /** The flow's run title template; none means the one chosen from the sample. */
  value: string | undefined;
  trigger: FlowTrigger;
  onChange: (runTitle: string | undefined) => void;
  readOnly: boolean;
}

/**
 * How the history names each run of the flow (issue #16): a template on the trigger's data, with a
 * preview on the sample. Left empty, the history uses the one chosen from the sample (an order id,
 * a customer, an amount), or for an app event its record ("INV-0042").
 */
export function FlowRunTitle({ value, trigger, onChange, readOnly }: FlowRunTitleProps) {
  const id = useId();
  const chosen = trigger.type === "event" ? null : chooseRunTitle(trigger.sample);
  const template = value?.trim() ? value : chosen;
  const preview = template ? renderRunTitle(template, trigger.sample ?? {}) : null;
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-600">
      <label htmlFor={id}>Name each run in the history</label>
      <Input
        id={id}
        aria-describedby={`${id}-preview`}
        className="font-mono text-xs"
        maxLength={MAX_RUN_TITLE_LENGTH}
        disabled={readOnly}
        value={value ?? ""}
        placeholder={chosen ?? "Order {{trigger.body.order_id}}"}
        onChange={(event) => onChange(event.currentTarget.value === "" ? undefined : event.currentTarget.value)}
      />
      <p id={`${id}-preview`} aria-live="polite" className="text-xs">
        {preview ? (
          <>
            {value?.trim() ? "On the sample: " : "Empty: named from the sample, e.g. "}
            <span className="font-medium text-slate-900">{preview}</span>
          </>
        ) : trigger.type === "event" && !value?.trim() ? (
          "Empty: each run is named by its record, e.g. an invoice number."
        ) : template ? (
          "The sample has none of these values: runs without them show only the flow's name."
        ) : (
          "Use data from the trigger, e.g. Order {{trigger.body.order_id}}. Add a sample to see a preview."
        )}
      </p>
    </div>
  );
}
