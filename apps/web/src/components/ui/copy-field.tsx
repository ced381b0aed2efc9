"use client";

import { type ReactNode, useId } from "react";
import { CopyButton } from "./copy-button";
import { Input } from "./input";
import { Label } from "./label";

interface CopyFieldProps {
  label: string;
  value: string;
  /** The Copy button's accessible name: "Copy webhook URL". */
  copyLabel: string;
  /** Shown under the field: what the value is for. */
  children?: ReactNode;
}

/** A read-only value to paste elsewhere (a URL), selected on focus, with a Copy button beside it. */
export function CopyField({ label, value, copyLabel, children }: CopyFieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <CopyButton value={value} label={copyLabel} />
      </div>
      {children}
    </div>
  );
}
