"use client";

import { type ReactNode, useId } from "react";
import { cn } from "./class-names";
import { Label } from "./label";

/** The props a Field hands its control so that label, help and error are announced with it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  error?: string | null;
  /** Shown in amber below the control when there is no error: worth checking, not blocking. */
  warning?: string | null;
  required?: boolean;
  /** Shown at the right of the label row, e.g. a data picker button. */
  action?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its help text and inline error, wired up for screen readers. */
export function Field({ label, help, error, warning, required, action, className, children }: FieldProps) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const warningId = !error && warning ? `${id}-warning` : undefined;
  const describedBy = [errorId, warningId, helpId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex min-h-6 items-end justify-between gap-2">
        <Label htmlFor={id}>
          {label}
          {required ? (
            // Neutral: a required field nobody has filled in yet is not an error (that shows once touched).
            <span className="ml-0.5 text-slate-500" title="Required">
              *<span className="sr-only"> (required)</span>
            </span>
          ) : null}
        </Label>
        {action}
      </div>
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        "aria-required": required ? true : undefined,
      })}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : warningId ? (
        <p id={warningId} className="text-sm text-amber-800">
          {warning}
        </p>
      ) : null}
      {help ? (
        <p id={helpId} className="text-xs leading-relaxed text-slate-500">
          {help}
        </p>
      ) : null}
    </div>
  );
}
