"use client";

import { CheckIcon, ChevronDownIcon } from "lucide-react";
import { Select as SelectPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./class-names";
import { controlClassName } from "./input";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps extends Omit<ComponentProps<typeof SelectPrimitive.Root>, "children"> {
  options: SelectOption[];
  placeholder?: string;
  id?: string;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-label"?: string;
  /** Drawn while no option is chosen, instead of the grey placeholder (a mapped value's pills). */
  valueContent?: ReactNode;
}

/** A short, fixed list of choices. For long or searchable lists use Combobox. */
export function Select({ options, placeholder = "Choose…", id, className, valueContent, ...props }: SelectProps) {
  const { "aria-describedby": describedBy, "aria-invalid": invalid, "aria-label": ariaLabel, ...rootProps } = props;
  return (
    <SelectPrimitive.Root {...rootProps}>
      <SelectPrimitive.Trigger
        id={id}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-label={ariaLabel}
        className={cn(controlClassName, "flex h-9 items-center justify-between gap-2 text-left", className)}
      >
        {/* A long choice (a flow's name) is cut to one line: the trigger keeps its height in a row of filters. */}
        <span className="min-w-0 truncate">
          <SelectPrimitive.Value placeholder={valueContent ?? <span className="text-slate-500">{placeholder}</span>} />
        </span>
        <SelectPrimitive.Icon className="shrink-0">
          <ChevronDownIcon className="size-4 text-slate-500" />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={6}
          className="z-50 max-h-72 min-w-(--radix-select-trigger-width) overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                className="relative flex cursor-pointer items-center rounded-md py-1.5 pr-8 pl-2 text-sm text-slate-700 outline-none select-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900"
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className="absolute right-2">
                  <CheckIcon className="size-4 text-brand-600" />
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
